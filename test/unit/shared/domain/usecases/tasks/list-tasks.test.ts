import { beforeEach, describe, expect, it } from 'vitest';
import type { Task } from '#shared/domain/model/task.ts';
import { type ListTasksQuery, listTasks } from '#shared/domain/usecases/tasks/list-tasks.ts';
import {
  callers,
  DAY,
  givenCycle,
  givenMunicipality,
  runPhase,
  stallOn,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;
let assessment: Task;
let consultation: Task;
let approvals: Task[];
let craiovaAssessment: Task;

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  await givenMunicipality(env.ports, {
    municipalityId: 'ro-craiova',
    name: 'Craiova',
    country: 'RO',
    locale: 'ro',
    timeZone: 'Europe/Bucharest',
  });
  const cycle = await givenCycle(env);
  // Phases opened side by side, so each inbox holds several open tasks with different deadlines.
  [assessment] = (await runPhase(env, cycle, 'assessment')) as [Task];
  [consultation] = (await runPhase(env, cycle, 'consultation')) as [Task];
  approvals = await runPhase(env, cycle, 'plan-approval');
  [craiovaAssessment] = (await runPhase(
    env,
    await givenCycle(env, { municipalityId: 'ro-craiova' }),
    'assessment',
  )) as [Task];
});

const keys = (page: { items: Task[] }) => page.items.map((task) => `${task.municipalityId}/${task.taskKey}`);
const list = (caller: Parameters<typeof listTasks>[1], query: Partial<ListTasksQuery> = {}) =>
  listTasks(env.ports, caller, { limit: 50, ...query });

describe('listTasks', () => {
  describe('an inbox', () => {
    it('shows municipal staff their open tasks, earliest due first', async () => {
      // Due after 30 days (council decision) and after 60 (assessment).
      expect(keys(await list(callers.municipality))).toEqual([
        'bg-stolipinovo/council-decision',
        'bg-stolipinovo/needs-assessment',
      ]);
    });

    it('shows CAG members theirs', async () => {
      expect(keys(await list(callers.cag))).toEqual([
        'bg-stolipinovo/cag-endorsement',
        'bg-stolipinovo/community-consultation',
      ]);
    });

    it('lets a municipality read the CAG’s inbox of its own municipality, and nothing of others', async () => {
      expect(keys(await list(callers.municipality, { assignee: 'cag' }))).toHaveLength(2);
      expect(keys(await list(callers.municipality, { assignee: 'coordinator' }))).toEqual([]);
      expect(keys(await list(callers.municipality, { municipalityId: 'ro-craiova' }))).toEqual([]);
      expect(keys(await list(callers.otherMunicipality))).toEqual([]);
    });

    it('narrows by phase and to the overdue', async () => {
      expect(keys(await list(callers.municipality, { phase: 'assessment' }))).toEqual([
        'bg-stolipinovo/needs-assessment',
      ]);
      expect(keys(await list(callers.municipality, { overdue: true }))).toEqual([]);
      env.clock.advance(31 * DAY);
      expect(keys(await list(callers.municipality, { overdue: true }))).toEqual([
        'bg-stolipinovo/council-decision',
      ]);
    });

    it('leaves closed tasks out', async () => {
      await env.ports.tasks.update(assessment, { status: 'CANCELLED' });
      expect(keys(await list(callers.municipality))).toEqual(['bg-stolipinovo/council-decision']);
    });
  });

  describe('a coordinator', () => {
    it('sees their own tasks by default: a stall to resolve', async () => {
      expect(keys(await list(callers.coordinator))).toEqual([]);
      const stall = await stallOn(env, approvals[0] as Task);
      expect((await list(callers.coordinator)).items.map((task) => task.taskId)).toEqual([stall.taskId]);
    });

    it('sees the portfolio of every municipality in their countries, and only those', async () => {
      expect(keys(await list(callers.coordinator, { scope: 'portfolio' })).sort()).toEqual([
        'bg-stolipinovo/cag-endorsement',
        'bg-stolipinovo/community-consultation',
        'bg-stolipinovo/council-decision',
        'bg-stolipinovo/needs-assessment',
      ]);
      expect(keys(await list(callers.coordinatorBgRo, { scope: 'portfolio' }))).toContain(
        'ro-craiova/needs-assessment',
      );
      expect(keys(await list(callers.otherCoordinator, { scope: 'portfolio' }))).toEqual([]);
    });

    it('narrows the portfolio by assignee, municipality, country, phase and overdue', async () => {
      const coordinator = callers.coordinatorBgRo;
      expect(keys(await list(coordinator, { assignee: 'cag' }))).toEqual([
        'bg-stolipinovo/cag-endorsement',
        'bg-stolipinovo/community-consultation',
      ]);
      expect(keys(await list(coordinator, { municipalityId: 'ro-craiova' }))).toEqual([
        'ro-craiova/needs-assessment',
      ]);
      expect(keys(await list(coordinator, { scope: 'portfolio', country: 'RO' }))).toEqual([
        'ro-craiova/needs-assessment',
      ]);
      expect(keys(await list(coordinator, { scope: 'portfolio', phase: 'consultation' }))).toEqual([
        'bg-stolipinovo/community-consultation',
      ]);
      env.clock.advance(46 * DAY);
      expect(keys(await list(coordinator, { scope: 'portfolio', overdue: true })).sort()).toEqual([
        'bg-stolipinovo/cag-endorsement',
        'bg-stolipinovo/community-consultation',
        'bg-stolipinovo/council-decision',
      ]);
    });

    it('sees nothing of a country or municipality they do not oversee', async () => {
      expect(keys(await list(callers.coordinator, { scope: 'portfolio', country: 'RO' }))).toEqual([]);
      expect(keys(await list(callers.coordinator, { municipalityId: 'ro-craiova' }))).toEqual([]);
      expect(keys(await list(callers.coordinator, { municipalityId: 'bg-unknown' }))).toEqual([]);
    });

    it('pages the portfolio across countries: every open task once', async () => {
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await list(callers.coordinatorBgRo, {
          scope: 'portfolio',
          limit: 2,
          ...(cursor ? { cursor } : {}),
        });
        seen.push(...page.items.map((task) => task.taskId));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(pages).toBeGreaterThan(1);
      expect(seen.sort()).toEqual(
        [assessment, consultation, ...approvals, craiovaAssessment].map((task) => task.taskId).sort(),
      );
    });
  });
});
