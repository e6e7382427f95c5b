import { describe, expect, it } from 'vitest';
import { collectPages, MAX_PAGE, type Page } from '#cli/paging.ts';

/** An API that pages `total` numbered items, `pageSize` at most (or its own default) per page. */
function pagedApi(total: number, defaultPage = 50, honoursLimit = true) {
  const calls: { cursor: string | undefined; limit: number | undefined }[] = [];
  const fetchPage = async (cursor: string | undefined, limit: number | undefined): Promise<Page<number>> => {
    calls.push({ cursor, limit });
    const start = cursor ? Number(cursor) : 0;
    const size = honoursLimit && limit !== undefined ? Math.min(limit, MAX_PAGE) : defaultPage;
    const items = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => start + i);
    const next = start + items.length;
    return next < total ? { items, nextCursor: String(next) } : { items };
  };
  return { calls, fetchPage };
}

describe('collectPages (--limit, --all)', () => {
  it('without --limit or --all, answers the API’s first page and keeps its cursor', async () => {
    const api = pagedApi(120);
    const page = await collectPages(api.fetchPage, {});
    expect(page.items).toHaveLength(50);
    expect(page.nextCursor).toBe('50');
    expect(api.calls).toEqual([{ cursor: undefined, limit: undefined }]);
  });

  it('--all follows nextCursor until there is none', async () => {
    const api = pagedApi(250);
    const page = await collectPages(api.fetchPage, { all: true });
    expect(page.items).toEqual(Array.from({ length: 250 }, (_, i) => i));
    expect(page.nextCursor).toBeUndefined();
    expect(api.calls.map((call) => call.cursor)).toEqual([undefined, '100', '200']);
  });

  it('--limit N gathers N items across pages and keeps the cursor past them', async () => {
    const api = pagedApi(500);
    const page = await collectPages(api.fetchPage, { limit: 130 });
    expect(page.items).toEqual(Array.from({ length: 130 }, (_, i) => i));
    expect(page.nextCursor).toBe('130');
    expect(api.calls).toEqual([
      { cursor: undefined, limit: 100 },
      { cursor: '100', limit: 30 },
    ]);
  });

  it('--limit stops early when the API has fewer items', async () => {
    const page = await collectPages(pagedApi(3).fetchPage, { limit: 10 });
    expect(page).toEqual({ items: [0, 1, 2] });
  });

  it('--limit trims an API that ignores limit, and drops a cursor that would skip items', async () => {
    const page = await collectPages(pagedApi(80, 50, false).fetchPage, { limit: 20 });
    expect(page).toEqual({ items: Array.from({ length: 20 }, (_, i) => i) });
  });

  it('refuses --limit with --all (exit 2) and a cursor that repeats', async () => {
    await expect(collectPages(pagedApi(1).fetchPage, { all: true, limit: 2 })).rejects.toMatchObject({
      exitCode: 2,
    });
    const stuck = async () => ({ items: [1], nextCursor: 'same' });
    await expect(collectPages(stuck, { all: true })).rejects.toThrow(/same cursor twice/);
  });
});
