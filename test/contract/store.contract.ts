import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConcurrentUpdateError, InvalidInputError } from '#shared/domain/errors.ts';
import type { Message } from '#shared/domain/model/message.ts';
import type { NotificationRecord } from '#shared/domain/model/notification-record.ts';
import type { Page, StorePorts } from '#shared/domain/ports.ts';
import { cycleFixture as cycle, taskFixture as task } from '../support/fixtures.ts';
import { municipalityFixture } from '../support/runtime.ts';

/** A store under test, and how to stop it. */
export interface StoreUnderTest {
  store: StorePorts;
  /** Another store on the same data, configured with this many sweep shards (a redeploy that changed N). */
  withSweepShards(shards: number): StorePorts;
  close(): Promise<void>;
}

/** Reads every page of a listing, checking that pages never repeat an item. */
async function allPages<T>(list: (cursor?: string) => Promise<Page<T>>, key: (item: T) => string) {
  const items: T[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const page = await list(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 1_000);
  expect(new Set(items.map(key)).size).toBe(items.length);
  return { items, pages };
}

const notification = (overrides: Partial<NotificationRecord> = {}): NotificationRecord => ({
  notificationId: 'cyc-n.t.r0:reminder:P3D:e0',
  taskId: 'cyc-n.t.r0',
  cycleId: 'cyc-n',
  municipalityId: 'bg-1',
  kind: 'reminder',
  offset: 'P3D',
  audience: 'assignee',
  scheduledAt: '2027-01-10T00:00:00.000Z',
  status: 'PENDING',
  leaseUntil: '2027-01-10T00:15:00.000Z',
  recordedAt: '2027-01-10T00:00:00.000Z',
  messages: 0,
  ...overrides,
});

/**
 * The behaviour every store adapter must have: conditional writes, orderings, sparse listings and paging.
 * Each adapter's test file calls this with a fresh store (`skip`: only where its server cannot run, said loudly
 * by the caller).
 */
export function storeContract(
  name: string,
  start: () => Promise<StoreUnderTest>,
  options: { skip?: boolean } = {},
) {
  describe.skipIf(options.skip === true)(`Store contract: ${name}`, () => {
    let under: StoreUnderTest;
    let store: StorePorts;
    beforeAll(async () => {
      under = await start();
      store = under.store;
      // A server in another process (DynamoDB Local's JVM) may take a while to start on a busy machine.
    }, 120_000);
    afterAll(async () => {
      await under.close();
    });

    describe('cycles', () => {
      it('creates a cycle once; a repeat returns the stored one', async () => {
        expect((await store.cycles.create(cycle('cyc-a'))).created).toBe(true);
        const repeat = await store.cycles.create(cycle('cyc-a', { currentPhase: 'funding' }));
        expect(repeat).toMatchObject({ created: false, cycle: { currentPhase: 'assessment' } });
      });

      it('reads a cycle with its phases, tasks and audit trail, the audit in time order and each event once', async () => {
        await store.cycles.create(cycle('cyc-b'));
        await store.cycles.startPhase({
          cycleId: 'cyc-b',
          phase: 'assessment',
          revision: 0,
          startedAt: '2027-01-01T00:00:00.000Z',
        });
        await store.tasks.create(task('cyc-b', 'needs-assessment'));
        const event = (eventId: string, at: string) => ({
          cycleId: 'cyc-b',
          eventId,
          at,
          type: eventId,
          actor: 'x',
          data: {},
        });
        await store.audit.append(event('second', '2027-01-02T00:00:00.000Z'));
        await store.audit.append(event('first', '2027-01-01T00:00:00.000Z'));
        await store.audit.append(event('first', '2027-01-01T00:00:00.000Z'));

        const record = await store.cycles.record('cyc-b');

        expect(record?.phases).toHaveLength(1);
        expect(record?.tasks.map((one) => one.taskKey)).toEqual(['needs-assessment']);
        expect(record?.audit.map((one) => one.eventId)).toEqual(['first', 'second']);
        expect(await store.cycles.record('cyc-none')).toBeUndefined();
      });

      it('reads a cycle’s phases and tasks without its audit trail or notifications, and nothing of another cycle', async () => {
        // Prepare: two cycles, one with a phase, two tasks, audit events and a notification record
        await store.cycles.create(cycle('cyc-p'));
        await store.cycles.create(cycle('cyc-p2'));
        await store.cycles.startPhase({
          cycleId: 'cyc-p',
          phase: 'assessment',
          revision: 0,
          startedAt: '2027-01-01T00:00:00.000Z',
        });
        await store.tasks.create(task('cyc-p', 'needs-assessment'));
        await store.tasks.create(task('cyc-p', 'council-decision', { openedAt: '2027-01-02T00:00:00.000Z' }));
        await store.tasks.create(task('cyc-p2', 'needs-assessment'));
        await store.audit.append({
          cycleId: 'cyc-p',
          eventId: 'e1',
          at: '2027-01-01T00:00:00.000Z',
          type: 'cycle.started',
          actor: 'x',
          data: {},
        });
        await store.notifications.record(
          notification({ cycleId: 'cyc-p', taskId: 'cyc-p.needs-assessment.r0' }),
        );

        // Act
        const progress = await store.cycles.phasesAndTasks('cyc-p');

        // Assess: the phase and both tasks in the order they opened, no audit, no other cycle's task
        expect(progress.phases.map((run) => run.phase)).toEqual(['assessment']);
        expect(progress.tasks.map((one) => one.taskId)).toEqual([
          'cyc-p.needs-assessment.r0',
          'cyc-p.council-decision.r0',
        ]);
        expect(Object.keys(progress).sort()).toEqual(['phases', 'tasks']);
        expect(await store.cycles.phasesAndTasks('cyc-none')).toEqual({ phases: [], tasks: [] });
      });

      it('updates a cycle only at the version it was read at', async () => {
        const created = (await store.cycles.create(cycle('cyc-v'))).cycle;
        const updated = await store.cycles.update(created, { currentPhase: 'consultation' });
        expect(updated.version).toBe(2);
        await expect(store.cycles.update(created, { currentPhase: 'funding' })).rejects.toBeInstanceOf(
          ConcurrentUpdateError,
        );
        expect((await store.cycles.get('cyc-v'))?.currentPhase).toBe('consultation');
      });

      it('records a phase run once and its end once', async () => {
        const run = {
          cycleId: 'cyc-v',
          phase: 'assessment',
          revision: 0,
          startedAt: '2027-01-01T00:00:00.000Z',
        };
        expect(await store.cycles.startPhase(run)).toEqual({ run, created: true });
        expect(await store.cycles.startPhase({ ...run, startedAt: '2027-02-01T00:00:00.000Z' })).toEqual({
          run,
          created: false,
        });
        expect(await store.cycles.endPhase(run, '2027-01-05T00:00:00.000Z')).toEqual({
          ...run,
          endedAt: '2027-01-05T00:00:00.000Z',
        });
        expect(await store.cycles.endPhase(run, '2027-01-09T00:00:00.000Z')).toEqual({
          ...run,
          endedAt: '2027-01-05T00:00:00.000Z',
        });
        expect((await store.cycles.record('cyc-v'))?.phases).toEqual([
          { ...run, endedAt: '2027-01-05T00:00:00.000Z' },
        ]);
      });

      it('ends a phase run by its key alone, recording one never started as starting when it ends', async () => {
        const key = { cycleId: 'cyc-v', phase: 'consultation', revision: 1 };
        expect(await store.cycles.endPhase(key, '2027-01-07T00:00:00.000Z')).toEqual({
          ...key,
          startedAt: '2027-01-07T00:00:00.000Z',
          endedAt: '2027-01-07T00:00:00.000Z',
        });
      });

      it('lists cycles by municipality newest first, and by country and status', async () => {
        await store.cycles.create(
          cycle('cyc-m1', { municipalityId: 'ro-1', country: 'RO', startedAt: '2027-02-01T00:00:00.000Z' }),
        );
        await store.cycles.create(
          cycle('cyc-m2', {
            municipalityId: 'ro-1',
            country: 'RO',
            status: 'COMPLETED',
            startedAt: '2027-03-01T00:00:00.000Z',
          }),
        );
        await store.cycles.create(cycle('cyc-m3', { municipalityId: 'ro-2', country: 'RO' }));

        expect(
          (await store.cycles.listByMunicipality('ro-1', { limit: 50 })).items.map((one) => one.cycleId),
        ).toEqual(['cyc-m2', 'cyc-m1']);
        const running = await store.cycles.listByCountries(['RO'], { status: 'RUNNING', limit: 50 });
        expect(running.items.map((one) => one.cycleId).sort()).toEqual(['cyc-m1', 'cyc-m3']);
        expect((await store.cycles.listByCountries(['RO'], { limit: 50 })).items).toHaveLength(3);
      });

      it('moves a cycle out of a status listing when its status changes', async () => {
        const created = (await store.cycles.create(cycle('cyc-s', { municipalityId: 'sk-1', country: 'SK' })))
          .cycle;
        await store.cycles.update(created, { status: 'STALLED' });
        expect(
          (await store.cycles.listByCountries(['SK'], { status: 'RUNNING', limit: 50 })).items,
        ).toHaveLength(0);
        expect(
          (await store.cycles.listByCountries(['SK'], { status: 'STALLED', limit: 50 })).items,
        ).toHaveLength(1);
      });

      it('pages through a long listing with its cursors: every cycle once, in order', async () => {
        for (let index = 0; index < 23; index++) {
          await store.cycles.create(
            cycle(`cyc-p${String(index).padStart(2, '0')}`, {
              municipalityId: 'it-pages',
              country: 'IT',
              startedAt: `2027-01-${String(index + 1).padStart(2, '0')}T00:00:00.000Z`,
            }),
          );
        }
        const byMunicipality = await allPages(
          (cursor) =>
            store.cycles.listByMunicipality('it-pages', { limit: 5, ...(cursor ? { cursor } : {}) }),
          (one) => one.cycleId,
        );
        expect(byMunicipality.items.map((one) => one.cycleId)).toEqual(
          Array.from({ length: 23 }, (_, index) => `cyc-p${String(22 - index).padStart(2, '0')}`),
        );
        expect(byMunicipality.pages).toBeGreaterThanOrEqual(5);
        const byCountry = await allPages(
          (cursor) =>
            store.cycles.listByCountries(['IT'], {
              status: 'RUNNING',
              limit: 4,
              ...(cursor ? { cursor } : {}),
            }),
          (one) => one.cycleId,
        );
        expect(byCountry.items).toHaveLength(23);
      });

      it('refuses a cursor it did not issue with a field error naming the cursor', async () => {
        for (const cursor of [
          'not-base64!',
          Buffer.from('{}').toString('base64url'),
          Buffer.from('{"PK":1}').toString('base64url'),
          Buffer.from('"x"').toString('base64url'),
        ]) {
          const attempt = store.cycles.listByCountries(['IT'], { limit: 5, cursor });
          await expect(attempt).rejects.toBeInstanceOf(InvalidInputError);
          await expect(attempt).rejects.toMatchObject({ fields: [{ path: 'cursor' }] });
        }
      });
    });

    describe('tasks', () => {
      it('lists an inbox of open tasks earliest due first, and drops closed ones', async () => {
        await store.cycles.create(cycle('cyc-i'));
        await store.tasks.create(
          task('cyc-i', 'late', { municipalityId: 'hu-1', dueAt: '2027-05-01T00:00:00.000Z' }),
        );
        const early = (
          await store.tasks.create(
            task('cyc-i', 'early', { municipalityId: 'hu-1', dueAt: '2027-02-01T00:00:00.000Z' }),
          )
        ).task;
        await store.tasks.create(task('cyc-i', 'cag-one', { municipalityId: 'hu-1', assignee: 'cag' }));
        const inbox = { role: 'municipality' as const, municipalityId: 'hu-1' };

        expect((await store.tasks.listOpen(inbox, { limit: 50 })).items.map((one) => one.taskKey)).toEqual([
          'early',
          'late',
        ]);
        expect(
          (await store.tasks.listOpen(inbox, { limit: 50, dueBefore: '2027-03-01T00:00:00.000Z' })).items,
        ).toHaveLength(1);
        expect(
          (await store.tasks.listOpen({ role: 'cag', municipalityId: 'hu-1' }, { limit: 50 })).items,
        ).toHaveLength(1);

        await store.tasks.update(early, { status: 'COMPLETED', completedAt: '2027-01-05T00:00:00.000Z' });
        expect((await store.tasks.listOpen(inbox, { limit: 50 })).items.map((one) => one.taskKey)).toEqual([
          'late',
        ]);
      });

      it('keeps coordinator tasks in their country’s inbox', async () => {
        await store.tasks.create(
          task('cyc-i', 'stall', { assignee: 'coordinator', country: 'HU', municipalityId: 'hu-1' }),
        );
        expect(
          (await store.tasks.listOpen({ role: 'coordinator', country: 'HU' }, { limit: 50 })).items.map(
            (one) => one.taskKey,
          ),
        ).toEqual(['stall']);
        expect(
          (await store.tasks.listOpen({ role: 'coordinator', country: 'BG' }, { limit: 50 })).items,
        ).toHaveLength(0);
      });

      it('pages an inbox with its cursors, and refuses a forged cursor', async () => {
        for (let index = 0; index < 17; index++) {
          await store.tasks.create(
            task('cyc-ip', `t${index}`, {
              municipalityId: 'hu-pages',
              dueAt: `2027-02-${String(index + 1).padStart(2, '0')}T00:00:00.000Z`,
            }),
          );
        }
        const inbox = { role: 'municipality' as const, municipalityId: 'hu-pages' };
        const { items } = await allPages(
          (cursor) => store.tasks.listOpen(inbox, { limit: 4, ...(cursor ? { cursor } : {}) }),
          (one) => one.taskId,
        );
        expect(items.map((one) => one.taskKey)).toEqual(
          Array.from({ length: 17 }, (_, index) => `t${index}`),
        );
        const forged = Buffer.from(JSON.stringify({ at: 'yesterday', taskId: 'x' })).toString('base64url');
        await expect(store.tasks.listOpen(inbox, { limit: 4, cursor: forged })).rejects.toBeInstanceOf(
          InvalidInputError,
        );
      });

      it('lets exactly one of many racing completions of a task win', async () => {
        await store.cycles.create(cycle('cyc-r'));
        const open = (await store.tasks.create(task('cyc-r', 'race'))).task;
        const outcomes = await Promise.allSettled(
          Array.from({ length: 8 }, (_, index) =>
            store.tasks.update(open, {
              status: 'COMPLETED',
              completedAt: `2027-01-0${index + 1}T00:00:00.000Z`,
            }),
          ),
        );
        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
        const rejected = outcomes.filter(
          (outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected',
        );
        expect(rejected.every((outcome) => outcome.reason instanceof ConcurrentUpdateError)).toBe(true);
        expect((await store.tasks.get(open.taskId))?.version).toBe(2);
      });

      it('refuses to change a task that is no longer open, unless told closed tasks may change', async () => {
        const open = (await store.tasks.create(task('cyc-c', 'closed'))).task;
        const completed = await store.tasks.update(open, { status: 'COMPLETED' });
        await expect(
          store.tasks.update(completed, { dueAt: '2028-01-01T00:00:00.000Z' }),
        ).rejects.toBeInstanceOf(ConcurrentUpdateError);
        await expect(
          store.tasks.update(completed, { taskToken: 'new' }, { allowClosed: true }),
        ).resolves.toMatchObject({ taskToken: 'new' });
      });

      it('returns the existing task for a repeated create and keeps one', async () => {
        await store.cycles.create(cycle('cyc-o'));
        const first = await store.tasks.create(task('cyc-o', 'once'));
        const second = await store.tasks.create(
          task('cyc-o', 'once', { taskToken: 'token-2', dueAt: '2030-01-01T00:00:00.000Z' }),
        );
        expect(first.created).toBe(true);
        expect(second).toMatchObject({
          created: false,
          task: { taskToken: 'token-1', dueAt: '2027-03-01T00:00:00.000Z' },
        });
        expect((await store.cycles.record('cyc-o'))?.tasks).toHaveLength(1);
      });

      it('lists for the sweep only open tasks whose next notification is due, by that time', async () => {
        for (let index = 0; index < 30; index++) {
          const due = index < 5 ? `2031-01-1${index}T00:00:00.000Z` : '2031-12-31T00:00:00.000Z';
          const status = index % 3 === 0 && index >= 5 ? 'COMPLETED' : 'OPEN';
          await store.tasks.create(
            task('cyc-w', `t${index}`, { dueAt: due, nextNotificationAt: due, status }),
          );
        }
        const { items } = await allPages(
          (cursor) =>
            store.tasks.listDueForSweep('2031-01-14T00:00:00.000Z', {
              limit: 2,
              ...(cursor ? { cursor } : {}),
            }),
          (one) => one.taskId,
        );
        const ofThisCycle = items.filter((one) => one.cycleId === 'cyc-w');
        expect(ofThisCycle.map((one) => one.taskKey)).toEqual(['t0', 't1', 't2', 't3', 't4']);
      });

      it('lists every due task once, in time order, whatever the page size (across the sweep’s shards)', async () => {
        // Prepare: 60 due tasks at scattered minutes and 40 due later, in many shards.
        const writes: Promise<unknown>[] = [];
        for (let index = 0; index < 100; index++) {
          const minute = (index * 37) % 60;
          const due =
            index < 60
              ? `2032-01-01T00:${String(minute).padStart(2, '0')}:00.000Z`
              : '2032-06-01T00:00:00.000Z';
          writes.push(
            store.tasks.create(task('cyc-sh', `t${index}`, { dueAt: due, nextNotificationAt: due })),
          );
        }
        await Promise.all(writes);

        for (const limit of [1, 7, 100]) {
          // Act
          const { items } = await allPages(
            (cursor) =>
              store.tasks.listDueForSweep('2032-01-01T01:00:00.000Z', {
                limit,
                ...(cursor ? { cursor } : {}),
              }),
            (one) => one.taskId,
          );

          // Assess
          const mine = items.filter((one) => one.cycleId === 'cyc-sh');
          expect(mine).toHaveLength(60);
          const order = mine.map((one) => `${one.nextNotificationAt}#${one.taskId}`);
          expect(order).toEqual([...order].sort());
        }
      });

      it('still lists every due task after the number of sweep shards changes, up or down', async () => {
        // Prepare: tasks written by a deployment with 16 shards, then by one with 1, then one with 3.
        const due = '2033-02-01T00:00:00.000Z';
        const writers = [16, 1, 3].map((shards) => under.withSweepShards(shards));
        for (const [writer, tasks] of writers.entries()) {
          for (let index = 0; index < 12; index++) {
            await tasks.tasks.create(
              task('cyc-n', `w${writer}-t${index}`, { dueAt: due, nextNotificationAt: due }),
            );
          }
        }

        for (const shards of [1, 2, 16, 64]) {
          // Act: a sweep configured with fewer, or more, shards than some writers used.
          const { items } = await allPages(
            (cursor) =>
              under
                .withSweepShards(shards)
                .tasks.listDueForSweep(due, { limit: 5, ...(cursor ? { cursor } : {}) }),
            (one) => one.taskId,
          );

          // Assess
          expect(items.filter((one) => one.cycleId === 'cyc-n')).toHaveLength(36);
        }
      });
    });

    describe('live slots', () => {
      it('lets one cycle of a municipality and template hold the live slot, and a next cycle take it over', async () => {
        const slot = { municipalityId: 'bg-slot', templateId: 'romact' };
        const racing = await Promise.all([
          store.cycles.claimLiveSlot(slot, 'cyc-first'),
          store.cycles.claimLiveSlot(slot, 'cyc-second'),
        ]);
        expect(racing.filter((one) => one.claimed)).toHaveLength(1);
        const holder = racing[0]?.claimed ? 'cyc-first' : 'cyc-second';
        expect(await store.cycles.claimLiveSlot(slot, holder)).toEqual({ claimed: true });
        expect(await store.cycles.claimLiveSlot(slot, 'cyc-third')).toEqual({ claimed: false, holder });
        expect(await store.cycles.claimLiveSlot(slot, 'cyc-next', holder)).toEqual({ claimed: true });
        await store.cycles.releaseLiveSlot(slot, holder);
        expect(await store.cycles.claimLiveSlot(slot, 'cyc-third')).toMatchObject({
          claimed: false,
          holder: 'cyc-next',
        });
        await store.cycles.releaseLiveSlot(slot, 'cyc-next');
        expect(await store.cycles.claimLiveSlot(slot, 'cyc-third')).toEqual({ claimed: true });
        expect(
          await store.cycles.claimLiveSlot({ ...slot, templateId: 'critical-friend' }, 'cyc-other'),
        ).toEqual({
          claimed: true,
        });
      });
    });

    describe('paging across countries', () => {
      it('pages cycles of several countries in one order with one cursor, none twice or left out', async () => {
        for (let index = 0; index < 30; index++) {
          const country = ['HU', 'SK', 'CZ'][index % 3] as string;
          await store.cycles.create(
            cycle(`cyc-x${String(index).padStart(2, '0')}`, {
              municipalityId: `${country.toLowerCase()}-many`,
              country,
              startedAt: `2027-03-${String((index % 28) + 1).padStart(2, '0')}T00:00:00.000Z`,
            }),
          );
        }
        const { items, pages } = await allPages(
          (cursor) =>
            store.cycles.listByCountries(['HU', 'SK', 'CZ'], { limit: 7, ...(cursor ? { cursor } : {}) }),
          (one) => one.cycleId,
        );
        const mine = items.filter((one) => one.cycleId.startsWith('cyc-x'));
        expect(mine).toHaveLength(30);
        expect(pages).toBeGreaterThanOrEqual(5);
        const keys = items.map((one) => `${one.status}#${one.startedAt}#${one.cycleId}`);
        expect(keys).toEqual([...keys].sort());
      });

      it('pages the open tasks of several countries, narrowed by municipality, assignee and phase', async () => {
        for (let index = 0; index < 24; index++) {
          const country = index % 2 ? 'HU' : 'SK';
          await store.tasks.create(
            task('cyc-pf', `t${index}`, {
              country,
              municipalityId: `${country.toLowerCase()}-pf${index % 4 < 2 ? 'a' : 'b'}`,
              assignee: index % 3 === 0 ? 'cag' : 'municipality',
              phase: index % 5 === 0 ? 'funding' : 'assessment',
              dueAt: `2029-04-${String(index + 1).padStart(2, '0')}T00:00:00.000Z`,
            }),
          );
        }
        const list = (filter: object) =>
          allPages(
            (cursor) =>
              store.tasks.listOpenInCountries(['HU', 'SK'], {
                limit: 5,
                ...filter,
                ...(cursor ? { cursor } : {}),
              }),
            (one) => one.taskId,
          );
        const everything = (await list({})).items.filter((one) => one.cycleId === 'cyc-pf');
        expect(everything).toHaveLength(24);
        expect(everything.map((one) => one.dueAt)).toEqual([...everything.map((one) => one.dueAt)].sort());
        expect(
          (await list({ assignee: 'cag' })).items.filter((one) => one.cycleId === 'cyc-pf'),
        ).toHaveLength(8);
        expect(
          (await list({ phase: 'funding', municipalityId: 'sk-pfa' })).items.map((one) => one.taskKey),
        ).toEqual(['t0', 't20']);
        expect(
          (await list({ dueBefore: '2029-04-05T00:00:00.000Z' })).items.filter(
            (one) => one.cycleId === 'cyc-pf',
          ),
        ).toHaveLength(4);
        expect((await store.tasks.listOpenInCountries(['IT'], { limit: 5 })).items).toHaveLength(0);
      });

      it('keeps a narrowed portfolio in due order across pages when one country’s page is mostly filtered out', async () => {
        // Prepare: in HU, tasks due on days 1-12, one of them (day 7) a CAG task; in SK, CAG tasks due later.
        for (let day = 1; day <= 24; day++) {
          const country = day <= 12 ? 'HU' : 'SK';
          await store.tasks.create(
            task('cyc-fo', `d${day}`, {
              country,
              municipalityId: `${country.toLowerCase()}-fo`,
              assignee: country === 'SK' || day === 7 ? 'cag' : 'municipality',
              dueAt: `2034-01-${String(day).padStart(2, '0')}T00:00:00.000Z`,
            }),
          );
        }

        // Act
        const { items } = await allPages(
          (cursor) =>
            store.tasks.listOpenInCountries(['HU', 'SK'], {
              limit: 5,
              assignee: 'cag',
              ...(cursor ? { cursor } : {}),
            }),
          (one) => one.taskId,
        );

        // Assess
        const mine = items.filter((one) => one.cycleId === 'cyc-fo').map((one) => one.dueAt);
        expect(mine).toHaveLength(13);
        expect(mine).toEqual([...mine].sort());
      });
    });

    describe('municipalities', () => {
      it('creates a municipality once: of two creations at once, one wins', async () => {
        const results = await Promise.all([
          store.municipalities.create(municipalityFixture({ municipalityId: 'bg-race', name: 'First' })),
          store.municipalities.create(municipalityFixture({ municipalityId: 'bg-race', name: 'Second' })),
        ]);
        expect(results.filter((one) => one.created)).toHaveLength(1);
        const stored = await store.municipalities.get('bg-race');
        expect(results.map((one) => one.municipality.name)).toEqual([stored?.name, stored?.name]);
      });

      it('updates a municipality only at the version it was read at', async () => {
        const { municipality } = await store.municipalities.create(
          municipalityFixture({ municipalityId: 'bg-upd' }),
        );
        const renamed = await store.municipalities.update(municipality, { name: 'Renamed' });
        expect(renamed.version).toBe(2);
        await expect(store.municipalities.update(municipality, { name: 'Lost' })).rejects.toBeInstanceOf(
          ConcurrentUpdateError,
        );
        expect((await store.municipalities.get('bg-upd'))?.name).toBe('Renamed');
      });

      it('stores a municipality with its contacts and erases the contacts', async () => {
        await store.municipalities.create(municipalityFixture({ municipalityId: 'bg-erase' }));
        expect((await store.municipalities.get('bg-erase'))?.contacts.cag).toHaveLength(2);
        await store.municipalities.eraseContacts('bg-erase');
        expect((await store.municipalities.get('bg-erase'))?.contacts).toEqual({
          municipality: [],
          cag: [],
          coordinator: [],
        });
        expect((await store.municipalities.get('bg-erase'))?.name).toBe('Plovdiv – Stolipinovo');
        expect(await store.municipalities.get('bg-none')).toBeUndefined();
      });
    });

    describe('notifications', () => {
      it('records a notification once, lets one claimant take it over after its lease, and settles it once', async () => {
        expect((await store.notifications.record(notification())).created).toBe(true);
        const again = await store.notifications.record(
          notification({ leaseUntil: '2027-02-01T00:00:00.000Z' }),
        );
        expect(again).toMatchObject({ created: false, record: { leaseUntil: '2027-01-10T00:15:00.000Z' } });

        expect(
          await store.notifications.claim(
            again.record,
            '2027-01-10T00:05:00.000Z',
            '2027-01-10T00:20:00.000Z',
          ),
        ).toBeUndefined();
        const claims = await Promise.all([
          store.notifications.claim(again.record, '2027-01-10T00:16:00.000Z', '2027-01-10T00:31:00.000Z'),
          store.notifications.claim(again.record, '2027-01-10T00:16:00.000Z', '2027-01-10T00:31:00.000Z'),
        ]);
        expect(claims.filter(Boolean)).toHaveLength(1);

        const claimed = claims.find(Boolean) as NotificationRecord;
        await store.notifications.settle(claimed, {
          status: 'DELIVERED',
          deliveredAt: '2027-01-10T00:17:00.000Z',
          messages: 2,
        });
        await store.notifications.settle(claimed, { status: 'WITHDRAWN' });
        expect(await store.notifications.listByCycle('cyc-n')).toEqual([
          expect.objectContaining({ status: 'DELIVERED', messages: 2 }),
        ]);
      });
    });

    describe('messages', () => {
      const message = (messageId: string): Message => ({
        messageId,
        userId: 'usr-contract',
        channel: 'sms',
        role: 'cag',
        locale: 'bg',
        municipalityId: 'bg-1',
        country: 'BG',
        cycleIds: ['cyc-m'],
        taskIds: ['cyc-m.t.r0'],
        notificationIds: [`n-${messageId}`],
        kinds: ['reminder'],
        municipalityName: 'Plovdiv',
        text: 'Reminder.',
        createdAt: '2027-03-01T00:00:00.000Z',
        sendAfter: '2027-03-01T00:00:00.000Z',
        status: 'PENDING',
      });

      it('settles a claimed message as refused for good (UNDELIVERABLE): kept in the person’s list, never due again', async () => {
        const sent = message('msg-contract-sent');
        const refused = message('msg-contract-refused');
        for (const one of [sent, refused]) {
          await store.messages.put(one);
          expect(
            await store.messages.claim(one, 'dlv-1', '2027-03-01T00:10:00.000Z', '2027-03-01T00:00:00.000Z'),
          ).toBe(true);
        }
        await store.messages.markSent(sent, 'dlv-1', '2027-03-01T00:01:00.000Z');
        await store.messages.markSent(refused, 'dlv-1', '2027-03-01T00:01:00.000Z', 'UNDELIVERABLE');

        const mine = (await store.messages.listForUser('usr-contract', { limit: 10 })).items;
        expect(Object.fromEntries(mine.map((one) => [one.messageId, one.status]))).toEqual({
          'msg-contract-sent': 'SENT',
          'msg-contract-refused': 'UNDELIVERABLE',
        });
        const due = (await store.messages.listDue('2027-12-31T00:00:00.000Z', { limit: 100 })).items;
        expect(due.map((one) => one.messageId)).not.toContain('msg-contract-refused');
      });
    });
  });
}
