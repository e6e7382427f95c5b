import { beforeEach, describe, expect, it } from 'vitest';
import { RuleViolationError } from '#shared/domain/errors.ts';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import { resultsChainOf } from '#shared/domain/model/results-chain.ts';
import type { Task } from '#shared/domain/model/task.ts';
import { getResults } from '#shared/domain/usecases/cycles/get-results.ts';
import { completeTask } from '#shared/domain/usecases/tasks/complete-task.ts';
import { listTasks } from '#shared/domain/usecases/tasks/list-tasks.ts';
import { exampleOutputs } from '#workflows/templates/examples.ts';
import {
  callers,
  givenCycle,
  givenMunicipality,
  rejection,
  runPhase,
  stored,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

/**
 * The tasks of the whole ROMACT process (`romact` v2) on the memory store: each phase kind's output with its
 * rules, a meeting's decisions becoming follow-up tasks, and the results chain the outputs link up.
 */

let env: UnitEnv;
let cycle: Cycle;
const as = { municipality: callers.municipality, cag: callers.cag, coordinator: callers.coordinator };

const only = async (phase: string, round?: number) => {
  const [task] = await runPhase(env, cycle, phase, 0, round);
  return task as Task;
};
const complete = (task: Task, body: unknown) => completeTask(env.ports, as[task.assignee], task.taskId, body);
const violations = async (task: Task, body: unknown) => {
  const error = await rejection(complete(task, body));
  expect(error).toBeInstanceOf(RuleViolationError);
  return (error.fields as { path: string }[]).map((field) => field.path);
};

const cag = (count: number) =>
  Array.from({ length: count }, (_, index) => ({
    member: `usr-cag-${index + 1}`,
    role: 'member',
    trained: 'yes',
  }));

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  cycle = await givenCycle(env, { templateId: 'romact' });
});

describe('romact v2 tasks', () => {
  it('starts the whole process at the commitment, on template version 2', () => {
    expect(cycle).toMatchObject({ templateId: 'romact', templateVersion: 2, currentPhase: 'commitment' });
  });

  it('needs the contact person among the commitments, each ticked once', async () => {
    const task = await only('commitment');
    const letter = exampleOutputs['commitment-letter'];
    expect(await violations(task, { ...letter, commitments: ['share-data', 'share-data'] })).toEqual([
      'commitments.1',
      'commitments',
    ]);
    await complete(task, letter);
    expect((await stored(env.ports, task.taskId)).status).toBe('COMPLETED');
  });

  it('forms the CAG with at least the template’s members, the balance adding up to them', async () => {
    const task = await only('groups');
    const group = exampleOutputs['group-formation'].groups[0];
    expect(await violations(task, { groups: [{ ...group, members: cag(3) }] })).toEqual(['groups.0.members']);
    expect(
      await violations(task, {
        groups: [
          { ...group, members: cag(5), balance: { women: 2, men: 2, undisclosed: 0, under30: 0, over64: 0 } },
        ],
      }),
    ).toEqual(['groups.0.balance']);
    await complete(task, {
      groups: [
        { ...group, members: cag(5), balance: { women: 3, men: 2, undisclosed: 0, under30: 1, over64: 1 } },
      ],
    });
  });

  it('agrees at least three priorities, each a scored need', async () => {
    const task = await only('prioritisation');
    const scored = exampleOutputs.prioritisation;
    expect(await violations(task, { ...scored, priorities: ['n1', 'n9'] })).toEqual([
      'priorities',
      'priorities.1',
    ]);
    await complete(task, scored);
  });

  it('turns each meeting decision into a follow-up task for its owner, and repeats until the group is done', async () => {
    const first = await only('meetings');
    expect(await violations(first, exampleOutputs.meetingDone)).toEqual(['next']);
    await complete(first, exampleOutputs.meetingMore);

    const [followUp] = (await listTasks(env.ports, callers.municipality, { limit: 50 })).items.filter(
      (task) => task.kind === 'follow-up',
    ) as [Task];
    expect(followUp).toMatchObject({
      taskId: `${first.taskId}.d1`,
      assignee: 'municipality',
      output: 'follow-up-report',
      subject: 'Ask the utility for a water connection offer',
      linksTo: 'n1',
      dueAt: '2027-06-30T20:59:59.999Z',
    });
    // Completing the minutes again (a retried request) opens nothing twice.
    await complete(first, exampleOutputs.meetingMore);
    expect(
      (await env.ports.cycles.record(cycle.cycleId))?.tasks.filter((t) => t.kind === 'follow-up'),
    ).toHaveLength(1);

    const second = await only('meetings', 1);
    expect(second).toMatchObject({ taskId: `${cycle.cycleId}.meeting-minutes.r0.m1`, round: 1 });
    await complete(second, exampleOutputs.meetingDone);
    await complete(followUp, exampleOutputs['follow-up-report']);
    expect((await stored(env.ports, followUp.taskId)).status).toBe('COMPLETED');
  });

  it('replays a done round at once when a fresh execution resumes the meetings (a chain, a restart)', async () => {
    const first = await only('meetings');
    await complete(first, exampleOutputs.meetingMore);
    env.engine.successes.length = 0;

    // A fresh execution starts the phase at round 0 again: the done meeting is reopened and delivered at once.
    const [again] = (await runPhase(env, cycle, 'meetings', 0, 0)) as [Task];
    expect(again.taskId).toBe(first.taskId);
    expect(env.engine.successes.map((success) => success.output)).toEqual([
      { taskId: first.taskId, next: 'another-round' },
    ]);
    // Nothing is opened twice: still one follow-up for the one decision.
    const record = await env.ports.cycles.record(cycle.cycleId);
    expect(record?.tasks.filter((task) => task.kind === 'follow-up')).toHaveLength(1);
  });

  it('links the plan, fiches, outcomes and indicators to what the cycle recorded, into one results chain', async () => {
    await complete(await only('prioritisation'), exampleOutputs.prioritisation);
    const plan = await only('action-plan');
    const action = exampleOutputs['joint-plan'].actions[0];
    expect(await violations(plan, { actions: [{ ...action, priority: 'n7', ends: '2027-05-01' }] })).toEqual([
      'actions.0.priority',
      'actions.0.ends',
    ]);
    await complete(plan, exampleOutputs['joint-plan']);

    const fiches = await only('fiches');
    const fiche = exampleOutputs['project-fiches'].fiches[0];
    expect(await violations(fiches, { fiches: [{ ...fiche, action: 'a9', coFinancing: 200000 }] })).toEqual([
      'fiches.0.action',
      'fiches.0.coFinancing',
    ]);
    await complete(fiches, exampleOutputs['project-fiches']);

    const outcomes = await only('applications');
    const application = exampleOutputs['application-outcomes'].applications[0];
    expect(
      await violations(outcomes, { applications: [{ ...application, amountAwarded: undefined }] }),
    ).toEqual(['applications.0.amountAwarded']);
    await complete(outcomes, exampleOutputs['application-outcomes']);
    expect((await stored(env.ports, outcomes.taskId)).summary).toEqual({ next: 'phase-done' });

    const [progress, indicators] = (await runPhase(env, cycle, 'implementation')) as [Task, Task];
    await complete(progress, exampleOutputs['implementation-progress']);
    expect(
      await violations(indicators, {
        ...exampleOutputs['indicator-report'],
        values: [{ indicator: 'i9', actual: 1 }],
      }),
    ).toEqual(['values.0.indicator']);
    await complete(indicators, exampleOutputs['indicator-report']);

    const { chain } = await getResults(env.ports, callers.cag, cycle.cycleId);
    expect(
      chain.priorities.map((priority) => [priority.id, priority.rank, priority.score, priority.actions]),
    ).toEqual([
      ['n1', 1, 41, ['a1']],
      ['n2', 2, 28, []],
      ['n3', 3, 21, []],
    ]);
    expect(chain.actions[0]).toMatchObject({
      id: 'a1',
      priority: 'n1',
      fiches: [{ id: 'f1', application: { status: 'awarded', amountAwarded: 100000 } }],
      progress: { status: 'in-progress', percentDone: 40, spent: 30000 },
      indicators: [
        {
          id: 'i1',
          baseline: 0,
          target: 40,
          latest: 18,
          actuals: [{ periodStart: '2026-06-01', actual: 18 }],
        },
      ],
    });
    expect(chain.totals).toEqual({ planned: 120000, awarded: 100000, spent: 30000 });
  });

  it('refuses another tenant the results (404)', async () => {
    const error = await rejection(getResults(env.ports, callers.otherMunicipality, cycle.cycleId));
    expect(error.constructor.name).toBe('NotFoundError');
  });
});

describe('resultsChainOf', () => {
  it('is empty for a cycle that recorded nothing yet', () => {
    expect(resultsChainOf([])).toMatchObject({ needs: [], priorities: [], actions: [], meetings: 0 });
  });
});
