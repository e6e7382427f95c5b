import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, type Listing, type Positions } from './cursor.ts';
import type { Item, Table } from './table.ts';

/** One partition a listing reads: its name in the cursor, its partition key, and its query. */
export interface Source {
  name: string;
  partition: string;
  input: Omit<QueryCommandInput, 'TableName'>;
}

/** How many rounds of reading a page may take when filters leave a round with nothing to hand out. */
const MAX_ROUNDS = 10;

/**
 * One page of a listing over one or more partitions, in one order: each partition is read from where the
 * cursor left it, the items are merged by `sortKey`, and the cursor records, per partition, the position after
 * the last item it gave (so nothing is skipped or repeated across pages).
 *
 * A partition that has more to read bounds the page: no item after the last one it read (its last evaluated
 * key) may be handed out yet, or one of its unread items would come later out of order. So a partition may be
 * read `perSource` items at a time, fewer than the page (the sweep's shards: hashing spreads their items
 * evenly), and the reads stay close to the items handed out rather than growing with the number of partitions.
 */
export async function mergedQuery<P>(
  table: Table,
  operation: string,
  listing: Listing<P>,
  sources: readonly Source[],
  query: { limit: number; cursor?: string | undefined; descending?: boolean; perSource?: number },
  sortKey: (item: Item) => string,
): Promise<{ items: Item[]; nextCursor?: string }> {
  let positions = decodeCursor(
    listing,
    sources.map((source) => source.name),
    query.cursor,
  );
  for (let round = 1; ; round++) {
    const page = await readRound(table, operation, listing, sources, positions, query, sortKey);
    positions = page.next;
    const finished = sources.every((source) => positions[source.name] === 'done');
    // A round can hand out nothing when a filter dropped everything it read: read on rather than return an
    // empty page that is not the last.
    if (page.items.length > 0 || finished || round >= MAX_ROUNDS) {
      return { items: page.items, ...(finished ? {} : { nextCursor: encodeCursor(positions) }) };
    }
  }
}

async function readRound<P>(
  table: Table,
  operation: string,
  listing: Listing<P>,
  sources: readonly Source[],
  positions: Positions<P>,
  query: { limit: number; descending?: boolean; perSource?: number },
  sortKey: (item: Item) => string,
): Promise<{ items: Item[]; next: Positions<P> }> {
  const open = sources.filter((source) => positions[source.name] !== 'done');
  const perSource = Math.max(1, Math.min(query.limit, query.perSource ?? query.limit));
  const pages = await Promise.all(
    open.map(async (source) => {
      const position = positions[source.name];
      const startKey =
        position && position !== 'done' ? listing.toKey(source.partition, position) : undefined;
      const page = await table.query(operation, source.input, {
        limit: perSource,
        ...(startKey ? { startKey } : {}),
      });
      return { source, ...page };
    }),
  );
  const direction = query.descending ? -1 : 1;
  const before = (a: string, b: string) => (direction === 1 ? a < b : a > b);
  // The furthest a page may reach: the nearest last-read key among the partitions that have more.
  let bound: string | undefined;
  for (const page of pages) {
    if (!page.lastKey) continue;
    const last = sortKey(page.lastKey);
    if (bound === undefined || before(last, bound)) bound = last;
  }
  const merged = pages
    .flatMap((page) => page.items.map((item) => ({ source: page.source.name, item, key: sortKey(item) })))
    .filter((one) => bound === undefined || !before(bound, one.key))
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
  return { items: taken.map((one) => one.item), next };
}
