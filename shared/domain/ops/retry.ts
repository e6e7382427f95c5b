import { ConcurrentUpdateError } from '../errors.ts';

/**
 * The one policy for lost optimistic-concurrency races: re-read, decide again, write again. Two writers racing
 * on one item settle within a few rounds; past the limit the caller gets the ConcurrentUpdateError, which the
 * HTTP edge answers with 409 (try again), never 500.
 */
export const MAX_UPDATE_ATTEMPTS = 8;

/**
 * Reads an item (or starts from `initial`, an item just read), asks `decide` for its change (undefined: nothing to do, return the item as it is), and writes
 * it conditionally; a lost condition re-reads and decides again.
 */
export async function updateWithRetry<T>(
  read: () => Promise<T>,
  decide: (current: T) => Promise<T | undefined> | T | undefined,
  options: { attempts?: number; initial?: T } = {},
): Promise<T> {
  const attempts = options.attempts ?? MAX_UPDATE_ATTEMPTS;
  let current = options.initial ?? (await read());
  for (let attempt = 1; ; attempt++) {
    try {
      return (await decide(current)) ?? current;
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError) || attempt >= attempts) throw error;
      current = await read();
    }
  }
}
