import * as z from 'zod';
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

/**
 * Where a listing over several partitions (a coordinator's countries, the sweep's shards) stands: per source,
 * the position after the last item handed out, or "done". A source not named has not been read yet.
 */
export type Positions<P> = Record<string, P | 'done'>;

/** Writes positions as an opaque cursor. */
export function encodeCursor(positions: Positions<unknown>): string {
  return Buffer.from(JSON.stringify(positions)).toString('base64url');
}

const badCursor = () =>
  new InvalidInputError('The paging cursor is not one this API issued', [
    { path: 'cursor', message: 'must be a nextCursor from an earlier page of the same listing' },
  ]);

/** Reads a cursor back for these sources; anything else is 400 naming `cursor`. */
export function decodeCursor<P>(
  listing: Listing<P>,
  sources: readonly string[],
  cursor: string | undefined,
): Positions<P> {
  if (cursor === undefined) return {};
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  const parsed = z.record(z.string(), z.union([z.literal('done'), listing.position])).safeParse(decoded);
  if (!parsed.success) throw badCursor();
  const named = Object.keys(parsed.data);
  if (named.length === 0 || named.some((source) => !sources.includes(source))) throw badCursor();
  return parsed.data as Positions<P>;
}

const at = (value: unknown, index: number) => String(value ?? '').split('#')[index] ?? '';
const after = (value: unknown, prefix: string) => String(value ?? '').slice(prefix.length);

/** Open tasks of an inbox (GSI3), of the sweep (GSI4) or of a country (GSI5): by a time, then the task id. */
export function taskListing(index: 'GSI3' | 'GSI4' | 'GSI5'): Listing<{ at: string; taskId: string }> {
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

/** Municipalities of a country (GSI2, under their own prefix): by id. */
export const municipalitiesByCountry: Listing<{ municipalityId: string }> = {
  position: z.strictObject({ municipalityId: ItemId }),
  fromKey: (key) => ({ municipalityId: String(key.GSI2SK ?? '') }),
  toKey: (partition, { municipalityId }) => ({
    GSI2PK: partition,
    GSI2SK: municipalityId,
    PK: `MUNI#${municipalityId}`,
    SK: '#PROFILE',
  }),
};
