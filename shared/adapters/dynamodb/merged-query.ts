import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, type Listing, type Positions } from './cursor.ts';
import type { Item, Table } from './table.ts';

/** One partition a listing reads: its name in the cursor, its partition key, and its query. */
export interface Source {
  name: string;
  partition: string;
  input: Omit<QueryCommandInput, 'TableName'>;
}

/**
 * One page of a listing over one or more partitions, in one order: each partition is read from where the
 * cursor left it, the items are merged by `sortKey`, the first `limit` are handed out, and the cursor records,
 * per partition, the position after the last item it gave (so nothing is skipped or repeated across pages).
 */
export async function mergedQuery<P>(
  table: Table,
  operation: string,
  listing: Listing<P>,
  sources: readonly Source[],
  query: { limit: number; cursor?: string | undefined; descending?: boolean },
  sortKey: (item: Item) => string,
): Promise<{ items: Item[]; nextCursor?: string }> {
  const positions = decodeCursor(
    listing,
    sources.map((source) => source.name),
    query.cursor,
  );
  const open = sources.filter((source) => positions[source.name] !== 'done');
  const pages = await Promise.all(
    open.map(async (source) => {
      const position = positions[source.name];
      const startKey =
        position && position !== 'done' ? listing.toKey(source.partition, position) : undefined;
      const page = await table.query(operation, source.input, {
        limit: query.limit,
        ...(startKey ? { startKey } : {}),
      });
      return { source, ...page };
    }),
  );
  const direction = query.descending ? -1 : 1;
  const merged = pages
    .flatMap((page) => page.items.map((item) => ({ source: page.source.name, item, key: sortKey(item) })))
    .sort((a, b) => (a.key < b.key ? -direction : a.key > b.key ? direction : 0));
  const taken = merged.slice(0, query.limit);
  const next: Positions<P> = { ...positions };
  for (const page of pages) {
    const mine = taken.filter((one) => one.source === page.source.name);
    if (mine.length === page.items.length) {
      // Everything this partition returned was handed out: go on after its last evaluated key, or it is done.
      next[page.source.name] = page.lastKey ? listing.fromKey(page.lastKey) : 'done';
    } else if (mine.length > 0) {
      next[page.source.name] = listing.fromKey((mine.at(-1) as { item: Item }).item);
    }
  }
  const finished = sources.every((source) => next[source.name] === 'done');
  return { items: taken.map((one) => one.item), ...(finished ? {} : { nextCursor: encodeCursor(next) }) };
}
