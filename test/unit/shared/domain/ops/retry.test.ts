import { describe, expect, it } from 'vitest';
import { ConcurrentUpdateError } from '#shared/domain/errors.ts';
import { MAX_UPDATE_ATTEMPTS, updateWithRetry } from '#shared/domain/ops/retry.ts';

describe('updateWithRetry', () => {
  it('reads, decides and writes; a lost race reads again and decides on what it finds', async () => {
    const versions = [1, 2];
    const decided: number[] = [];
    const result = await updateWithRetry(
      async () => versions.shift() ?? 0,
      (version) => {
        decided.push(version);
        if (version === 1) throw new ConcurrentUpdateError('item');
        return version * 10;
      },
    );
    expect(result).toBe(20);
    expect(decided).toEqual([1, 2]);
  });

  it('returns the item as it is when there is nothing to do', async () => {
    expect(
      await updateWithRetry(
        async () => 'as is',
        () => undefined,
      ),
    ).toBe('as is');
  });

  it('starts from an item just read, without reading it again', async () => {
    let reads = 0;
    const result = await updateWithRetry(
      async () => {
        reads += 1;
        return 'read';
      },
      (item) => `${item}!`,
      { initial: 'given' },
    );
    expect(result).toBe('given!');
    expect(reads).toBe(0);
  });

  it(`gives up after ${MAX_UPDATE_ATTEMPTS} lost races with the concurrency error (answered 409, never 500)`, async () => {
    let attempts = 0;
    const error = await updateWithRetry(
      async () => 'item',
      () => {
        attempts += 1;
        throw new ConcurrentUpdateError('item');
      },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConcurrentUpdateError);
    expect(attempts).toBe(MAX_UPDATE_ATTEMPTS);
  });

  it('does not retry any other error', async () => {
    let attempts = 0;
    const error = await updateWithRetry(
      async () => 'item',
      () => {
        attempts += 1;
        throw new TypeError('a bug');
      },
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TypeError);
    expect(attempts).toBe(1);
  });
});
