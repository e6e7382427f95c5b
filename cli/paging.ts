import { CliError, ExitCode, invalidInput } from './errors.ts';

/** Following `nextCursor` for the list commands (`--limit N`, `--all`). */

/** A page as the API answers a list. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** What the caller asked for: one page (neither), at most N items (`--limit`), or everything (`--all`). */
export interface PageWish {
  limit?: number;
  all?: boolean;
}

/** The most items the API returns in one page. */
export const MAX_PAGE = 100;

/**
 * Fetches pages until the wish is met or the API has no `nextCursor`. `fetchPage` gets the cursor and how many
 * items to ask for (undefined: the API's default). The result keeps a `nextCursor` only when it still points
 * just past the returned items.
 */
export async function collectPages<T>(
  fetchPage: (cursor: string | undefined, limit: number | undefined) => Promise<Page<T>>,
  wish: PageWish,
): Promise<Page<T>> {
  if (wish.all && wish.limit !== undefined) throw invalidInput('use either --limit or --all, not both');
  if (!wish.all && wish.limit === undefined) return fetchPage(undefined, undefined);
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (;;) {
    const wanted = wish.limit === undefined ? MAX_PAGE : Math.min(wish.limit - items.length, MAX_PAGE);
    const page = await fetchPage(cursor, wanted);
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) return { items: items.slice(0, wish.limit) };
    if (wish.limit !== undefined && items.length >= wish.limit) {
      // More items than asked for (an API that ignores `limit`): the cursor would skip the extra ones.
      return items.length === wish.limit
        ? { items, nextCursor: cursor }
        : { items: items.slice(0, wish.limit) };
    }
    if (seen.has(cursor))
      throw new CliError('INVALID_RESPONSE', 'The API returned the same cursor twice', ExitCode.other);
    seen.add(cursor);
  }
}
