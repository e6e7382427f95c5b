import { beforeEach, describe, expect, it } from 'vitest';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import { cancelCycle } from '#shared/domain/usecases/cycles/cancel-cycle.ts';
import { type ListCyclesQuery, listCycles } from '#shared/domain/usecases/cycles/list-cycles.ts';
import {
  callers,
  givenCycle,
  givenMunicipality,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;
let stolipinovo: Cycle;
let sliven: Cycle;
let craiova: Cycle;

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  await givenMunicipality(env.ports, { municipalityId: 'bg-sliven', name: 'Sliven' });
  await givenMunicipality(env.ports, {
    municipalityId: 'ro-craiova',
    name: 'Craiova',
    country: 'RO',
    locale: 'ro',
    timeZone: 'Europe/Bucharest',
  });
  stolipinovo = await givenCycle(env);
  env.clock.advance(60_000);
  sliven = await givenCycle(env, { municipalityId: 'bg-sliven' });
  env.clock.advance(60_000);
  craiova = await givenCycle(env, { municipalityId: 'ro-craiova' });
});

const ids = (page: { items: Cycle[] }) => page.items.map((cycle) => cycle.cycleId);
const list = (caller: Parameters<typeof listCycles>[1], query: Partial<ListCyclesQuery> = {}) =>
  listCycles(env.ports, caller, { limit: 50, ...query });

/** Every item of a listing, following its cursors page by page. */
async function everyPage(caller: Parameters<typeof listCycles>[1], query: Partial<ListCyclesQuery>) {
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(caller, { ...query, ...(cursor ? { cursor } : {}) });
    seen.push(...ids(page));
    cursor = page.nextCursor;
  } while (cursor);
  return seen;
}

describe('listCycles', () => {
  it('shows municipal staff and CAG members their own municipality’s cycles only', async () => {
    expect(ids(await list(callers.municipality))).toEqual([stolipinovo.cycleId]);
    expect(ids(await list(callers.cag))).toEqual([stolipinovo.cycleId]);
    expect(ids(await list(callers.municipality, { municipalityId: 'bg-sliven' }))).toEqual([]);
  });

  it('shows a coordinator the cycles of every municipality in their countries', async () => {
    expect(ids(await list(callers.coordinator)).sort()).toEqual([stolipinovo.cycleId, sliven.cycleId].sort());
    expect(ids(await list(callers.coordinatorBgRo)).sort()).toEqual(
      [stolipinovo.cycleId, sliven.cycleId, craiova.cycleId].sort(),
    );
    expect(ids(await list(callers.coordinatorBgRo, { country: 'RO' }))).toEqual([craiova.cycleId]);
  });

  it('shows nothing of a country or municipality the coordinator does not oversee', async () => {
    expect(ids(await list(callers.coordinator, { country: 'RO' }))).toEqual([]);
    expect(ids(await list(callers.coordinator, { municipalityId: 'ro-craiova' }))).toEqual([]);
    expect(ids(await list(callers.otherCoordinator))).toEqual([]);
    expect(ids(await list(callers.coordinator, { municipalityId: 'bg-unknown' }))).toEqual([]);
  });

  it('narrows by municipality and by status', async () => {
    expect(ids(await list(callers.coordinator, { municipalityId: 'bg-sliven' }))).toEqual([sliven.cycleId]);
    await cancelCycle(env.ports, callers.coordinator, sliven.cycleId, { reason: 'Testing' });
    expect(ids(await list(callers.coordinatorBgRo, { status: 'CANCELLED' }))).toEqual([sliven.cycleId]);
    expect(ids(await list(callers.coordinatorBgRo, { status: 'RUNNING' })).sort()).toEqual(
      [stolipinovo.cycleId, craiova.cycleId].sort(),
    );
  });

  it('pages across countries: a page of one says there is more, and the pages hold every cycle once', async () => {
    const first = await list(callers.coordinatorBgRo, { limit: 1 });
    expect(first.items).toHaveLength(1);
    expect(first.nextCursor).toBeDefined();
    const all = await everyPage(callers.coordinatorBgRo, { limit: 1 });
    expect(all.sort()).toEqual([stolipinovo.cycleId, sliven.cycleId, craiova.cycleId].sort());
  });

  it('lists a municipality’s cycles newest first', async () => {
    const second = await givenCycle(env, { parallel: true });
    expect(ids(await list(callers.municipality))).toEqual([second.cycleId, stolipinovo.cycleId]);
  });
});
