import { z } from 'zod';
import { InvalidInputError } from '#shared/domain/errors.ts';
import type { Item } from './table.ts';

/**
 * Paging cursors that carry a position, never a table key: the values that order a listing (a due date and a
 * task id, say). Reading one back validates it and rebuilds the start key inside the caller's own partition,
 * so a tampered cursor is a 400 and can only move within what the caller may list anyway.
 */

const Stamp = z.iso.datetime({ offset: true });
const ItemId = z.string().regex(/^[A-Za-z0-9._:-]{1,200}$/);

/** How one listing turns its last evaluated key into a position and a position back into a start key. */
export interface Listing<P> {
  position: z.ZodType<P>;
  fromKey(lastKey: Item): P;
  toKey(partition: string, position: P): Item;
}

/** Writes a position as an opaque cursor. */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/** Reads a cursor back as a start key in `partition`; anything else is 400 naming `cursor`. */
export function startKeyOf<P>(
  listing: Listing<P>,
  partition: string,
  cursor: string | undefined,
): Item | undefined {
  if (cursor === undefined) return undefined;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const parsed = listing.position.safeParse(decoded);
  if (!parsed.success) {
    throw new InvalidInputError('The paging cursor is not one this API issued', [
      { path: 'cursor', message: 'must be a nextCursor from an earlier page' },
    ]);
  }
  return listing.toKey(partition, parsed.data);
}

const at = (value: unknown, index: number) => String(value ?? '').split('#')[index] ?? '';
const after = (value: unknown, prefix: string) => String(value ?? '').slice(prefix.length);

/** Open tasks of an inbox (GSI3) or of the sweep (GSI4): by a time, then the task id. */
export function taskListing(index: 'GSI3' | 'GSI4'): Listing<{ at: string; taskId: string }> {
  return {
    position: z.strictObject({ at: Stamp, taskId: ItemId }),
    fromKey: (key) => ({ at: at(key[`${index}SK`], 0), taskId: after(key.SK, 'TASK#') }),
    toKey: (partition, { at: time, taskId }) => ({
      [`${index}PK`]: partition,
      [`${index}SK`]: `${time}#${taskId}`,
      PK: `CYCLE#${taskId.split('.')[0]}`,
      SK: `TASK#${taskId}`,
    }),
  };
}

/** Cycles of a municipality (GSI1): by start, then id. */
export const cyclesByMunicipality: Listing<{ startedAt: string; cycleId: string }> = {
  position: z.strictObject({ startedAt: Stamp, cycleId: ItemId }),
  fromKey: (key) => ({ startedAt: at(key.GSI1SK, 0), cycleId: after(key.PK, 'CYCLE#') }),
  toKey: (partition, { startedAt, cycleId }) => ({
    GSI1PK: partition,
    GSI1SK: `${startedAt}#${cycleId}`,
    PK: `CYCLE#${cycleId}`,
    SK: '#CYCLE',
  }),
};

/** Cycles of a country (GSI2): by status, start, then id. */
export const cyclesByCountry: Listing<{ status: string; startedAt: string; cycleId: string }> = {
  position: z.strictObject({ status: z.string().regex(/^[A-Z_]{1,20}$/), startedAt: Stamp, cycleId: ItemId }),
  fromKey: (key) => ({
    status: at(key.GSI2SK, 0),
    startedAt: at(key.GSI2SK, 1),
    cycleId: after(key.PK, 'CYCLE#'),
  }),
  toKey: (partition, { status, startedAt, cycleId }) => ({
    GSI2PK: partition,
    GSI2SK: `${status}#${startedAt}#${cycleId}`,
    PK: `CYCLE#${cycleId}`,
    SK: '#CYCLE',
  }),
};
