import { beforeEach, describe, expect, it } from 'vitest';
import type { Caller } from '#shared/domain/model/caller.ts';
import type { Task } from '#shared/domain/model/task.ts';
import type { Page, Ports } from '#shared/domain/ports.ts';
import {
  EXAMINED_PER_ITEM,
  listPortfolio,
  type PortfolioItem,
  type PortfolioQuery,
} from '#shared/domain/usecases/cycles/list-portfolio.ts';
import {
  callers,
  DAY,
  givenCycle,
  givenMunicipality,
  runPhase,
  START,
  stallOn,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

/**
 * The portfolio on the memory store: five municipalities whose cycles started a day apart (so their deadlines
 * differ), one stalled, two late, one on time and one that never had a cycle.
 */

let env: UnitEnv;
let stalledTask: Task;
let stallTask: Task;

const municipality = (municipalityId: string, country = 'BG') =>
  givenMunicipality(env.ports, {
    municipalityId,
    name: `Name of ${municipalityId}`,
    country,
    ...(country === 'RO' ? { locale: 'ro', timeZone: 'Europe/Bucharest' } : {}),
  });

async function assessmentOf(municipalityId: string) {
  const cycle = await givenCycle(env, { municipalityId });
  const [task] = (await runPhase(env, cycle, 'assessment')) as [Task];
  return task;
}

beforeEach(async () => {
  env = unitPorts();
  for (const id of ['bg-stalled', 'bg-late', 'bg-ontime', 'bg-new']) await municipality(id);
  await municipality('ro-craiova', 'RO');
  // Day 0, 1, 2 and 40: the needs assessment is due 60 days after its phase starts.
  stalledTask = await assessmentOf('bg-stalled');
  env.clock.advance(DAY);
  await assessmentOf('bg-late');
  env.clock.advance(DAY);
  await assessmentOf('ro-craiova');
  env.clock.advance(38 * DAY);
  await assessmentOf('bg-ontime');
  // Day 90: the first assessment passes its hard stop and the cycle stalls; two others are merely late.
  stallTask = await stallOn(env, stalledTask);
});

const list = (caller: Caller, query: Partial<PortfolioQuery> = {}) =>
  listPortfolio(env.ports, caller, { limit: 20, ...query });
const names = (page: Page<PortfolioItem>) => page.items.map((item) => item.municipality.municipalityId);

/** Every page of a view, in order, checking no municipality comes twice. */
async function everyPage(caller: Caller, query: Partial<PortfolioQuery>) {
  const items: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await list(caller, { ...query, ...(cursor ? { cursor } : {}) });
    items.push(...names(page));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 100);
  expect(new Set(items).size).toBe(items.length);
  return { items, pages };
}

describe('listPortfolio', () => {
  it('puts stalled cycles first, then late ones longest overdue first, then the rest by municipality', async () => {
    expect(names(await list(callers.coordinatorBgRo))).toEqual([
      'bg-stalled',
      'bg-late',
      'ro-craiova',
      'bg-new',
      'bg-ontime',
    ]);
  });

  it('shows each municipality’s cycle against its plan, its open and overdue work, and the stall to resolve', async () => {
    const [stalled, late, , fresh, onTime] = (await list(callers.coordinatorBgRo)).items as PortfolioItem[];

    expect(late).toMatchObject({
      municipality: { municipalityId: 'bg-late', name: 'Name of bg-late', country: 'BG' },
      cycle: {
        status: 'RUNNING',
        currentPhase: 'assessment',
        phases: [
          {
            phase: 'assessment',
            revision: 0,
            startedAt: new Date(START.getTime() + DAY).toISOString(),
            plannedDueAt: expect.stringMatching(/^2027-03-0[67]T/),
            late: true,
          },
        ],
      },
      openTasks: 1,
      overdueTasks: 1,
      late: true,
      stalled: false,
    });
    expect(late?.nextDueAt).toBe(late?.cycle?.phases[0]?.plannedDueAt);
    expect(stalled).toMatchObject({ stalled: true, late: true, stallTaskId: stallTask.taskId, openTasks: 2 });
    expect(onTime).toMatchObject({ late: false, overdueTasks: 0, openTasks: 1, stalled: false });
    expect(onTime?.cycle?.phases[0]?.late).toBe(false);
    expect(onTime).not.toHaveProperty('stallTaskId');
    // A municipality that never had a cycle is there, with nothing to do yet.
    expect(fresh).toEqual({
      municipality: { municipalityId: 'bg-new', name: 'Name of bg-new', country: 'BG' },
      openTasks: 0,
      overdueTasks: 0,
      late: false,
      stalled: false,
    });
  });

  it('pages through the same order, every municipality once, at any page size', async () => {
    for (const limit of [1, 2, 3]) {
      const { items, pages } = await everyPage(callers.coordinatorBgRo, { limit });
      expect(items, `limit ${limit}`).toEqual(['bg-stalled', 'bg-late', 'ro-craiova', 'bg-new', 'bg-ontime']);
      expect(pages).toBeGreaterThan(1);
    }
  });

  it('narrows to the late, a status, a phase, a country or one municipality', async () => {
    const coordinator = callers.coordinatorBgRo;
    expect(names(await list(coordinator, { late: true }))).toEqual(['bg-stalled', 'bg-late', 'ro-craiova']);
    expect(names(await list(coordinator, { status: 'RUNNING' }))).toEqual([
      'bg-late',
      'ro-craiova',
      'bg-ontime',
    ]);
    expect(names(await list(coordinator, { status: 'STALLED' }))).toEqual(['bg-stalled']);
    expect(names(await list(coordinator, { status: 'COMPLETED' }))).toEqual([]);
    expect(names(await list(coordinator, { status: 'RUNNING', late: true }))).toEqual([
      'bg-late',
      'ro-craiova',
    ]);
    expect(names(await list(coordinator, { phase: 'assessment', country: 'BG' }))).toEqual([
      'bg-stalled',
      'bg-late',
      'bg-ontime',
    ]);
    expect(names(await list(coordinator, { phase: 'consultation' }))).toEqual([]);
    expect(names(await list(coordinator, { municipalityId: 'bg-ontime' }))).toEqual(['bg-ontime']);
    expect(names(await list(coordinator, { municipalityId: 'bg-ontime', late: true }))).toEqual([]);
  });

  it('sorts by what falls due first, or by municipality', async () => {
    expect((await everyPage(callers.coordinatorBgRo, { sort: 'due', limit: 2 })).items).toEqual([
      'bg-stalled',
      'bg-late',
      'ro-craiova',
      'bg-ontime',
      'bg-new',
    ]);
    expect((await everyPage(callers.coordinatorBgRo, { sort: 'municipality', limit: 2 })).items).toEqual([
      'bg-late',
      'bg-new',
      'bg-ontime',
      'bg-stalled',
      'ro-craiova',
    ]);
    expect(names(await list(callers.coordinatorBgRo, { sort: 'due', late: true }))).toEqual([
      'bg-stalled',
      'bg-late',
      'ro-craiova',
    ]);
  });

  it('shows nothing of countries or municipalities the caller does not oversee, and nothing to others', async () => {
    expect(names(await list(callers.coordinator))).not.toContain('ro-craiova');
    expect(names(await list(callers.coordinator, { country: 'RO' }))).toEqual([]);
    expect(names(await list(callers.coordinator, { municipalityId: 'ro-craiova' }))).toEqual([]);
    expect(names(await list(callers.otherCoordinator))).toEqual([]);
    expect(names(await list(callers.municipality))).toEqual([]);
  });

  it('no longer shows a late municipality as late once its task is extended', async () => {
    const late = (await list(callers.coordinator, { municipalityId: 'bg-late' })).items[0];
    const [task] = (
      await env.ports.tasks.listOpenInCountries(['BG'], { limit: 10, municipalityId: 'bg-late' })
    ).items as [Task];
    await env.ports.tasks.update(task, {
      dueAt: new Date(env.clock.now().getTime() + 10 * DAY).toISOString(),
    });

    const after = (await list(callers.coordinator, { municipalityId: 'bg-late' })).items[0];

    expect(late?.late).toBe(true);
    expect(after).toMatchObject({ late: false, overdueTasks: 0, cycle: { phases: [{ late: false }] } });
    // Now it is simply among the rest, by id.
    expect(names(await list(callers.coordinator))).toEqual(['bg-stalled', 'bg-late', 'bg-new', 'bg-ontime']);
  });

  it('refuses a cursor it did not issue, naming the cursor', async () => {
    for (const cursor of ['nonsense', 'elsewhere:abc', 'overdue:%%%']) {
      await expect(list(callers.coordinator, { cursor })).rejects.toMatchObject({
        fields: [{ path: 'cursor' }],
      });
    }
    // A cursor of another view (by due date) names a listing this view does not read.
    const other = await list(callers.coordinator, { sort: 'due', limit: 1 });
    await expect(list(callers.coordinator, { cursor: other.nextCursor ?? '' })).rejects.toMatchObject({
      fields: [{ path: 'cursor' }],
    });
  });

  it('bounds what one page reads, ending early with a cursor, and still shows everyone once in the end', async () => {
    // Prepare: municipalities whose older (parallel) cycles are overdue but whose current cycle is not, so the
    // overdue listing yields candidates that page after page are not shown there.
    for (const id of ['bg-p1', 'bg-p2', 'bg-p3', 'bg-p4']) {
      await municipality(id);
      const old = await givenCycle(env, { municipalityId: id, parallel: true });
      await runPhase(env, old, 'assessment');
    }
    env.clock.advance(61 * DAY);
    for (const id of ['bg-p1', 'bg-p2', 'bg-p3', 'bg-p4']) {
      await runPhase(env, await givenCycle(env, { municipalityId: id, parallel: true }), 'assessment');
    }
    const reads: string[] = [];
    const counted = countingReads(env.ports, reads);

    // Act: page through with one item a page, counting the store reads of each page
    const shown: string[] = [];
    let cursor: string | undefined;
    let shortPages = 0;
    do {
      reads.length = 0;
      const page = await listPortfolio(counted, callers.coordinator, {
        limit: 1,
        ...(cursor ? { cursor } : {}),
      });
      // Assess: never more than the budget (three reads per candidate, one listing call per candidate at most)
      expect(reads.length).toBeLessThanOrEqual(EXAMINED_PER_ITEM * 1 * 4);
      if (page.items.length === 0 && page.nextCursor) shortPages += 1;
      shown.push(...names(page));
      cursor = page.nextCursor;
    } while (cursor);

    expect(shortPages).toBeGreaterThan(0);
    expect(shown.sort()).toEqual([
      'bg-late',
      'bg-new',
      'bg-ontime',
      'bg-p1',
      'bg-p2',
      'bg-p3',
      'bg-p4',
      'bg-stalled',
    ]);
  });
});

/** The ports, with every store read the portfolio makes listed in `reads`. */
function countingReads(ports: Ports, reads: string[]): Ports {
  const wrap = <R extends object>(name: string, repository: R): R =>
    new Proxy(repository, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function') return value;
        return (...args: unknown[]) => {
          reads.push(`${name}.${String(property)}`);
          return value.apply(target, args);
        };
      },
    });
  return {
    ...ports,
    cycles: wrap('cycles', ports.cycles),
    tasks: wrap('tasks', ports.tasks),
    municipalities: wrap('municipalities', ports.municipalities),
  };
}
