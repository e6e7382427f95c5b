import { beforeEach, describe, expect, it } from 'vitest';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import type { Task } from '#shared/domain/model/task.ts';
import { extendDeadline } from '#shared/domain/ops/extend-deadline.ts';
import { romactTemplate } from '#workflows/templates/romact.ts';
import {
  givenCycle,
  givenMunicipality,
  runPhase,
  stallOn,
  type UnitEnv,
  unitPorts,
} from '../../../../support/unit-ports.ts';

let env: UnitEnv;
let cycle: Cycle;
beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  cycle = await givenCycle(env);
});

const extend = (task: Task, dueAt: string) =>
  extendDeadline(env.ports, task, romactTemplate, dueAt, 'why', 'coordinator');

describe('extendDeadline', () => {
  it('keeps the task’s own hard-stop span (the review’s 60 days, not the template’s 30)', async () => {
    const [review] = (await runPhase(env, cycle, 'review')) as [Task];
    const extended = await extend(review, '2028-06-30T00:00:00.000Z');
    expect(extended.hardStopAt).toBe('2028-08-29T00:00:00.000Z');
  });

  it('gives a stall task the template’s window for resolving stalls', async () => {
    const [assessment] = (await runPhase(env, cycle, 'assessment')) as [Task];
    const stall = await stallOn(env, assessment);
    const extended = await extend(stall, '2027-06-01T00:00:00.000Z');
    expect(extended.hardStopAt).toBe('2027-07-01T00:00:00.000Z');
  });

  it('starts a new notification series from the new deadline, skipping moments already past', async () => {
    const [assessment] = (await runPhase(env, cycle, 'assessment')) as [Task];
    // Two days before the new deadline: the 14- and 3-day reminders of the new series are past.
    env.clock.set(new Date('2027-03-28T09:00:00.000Z'));
    const extended = await extend(assessment, '2027-03-30T09:00:00.000Z');
    expect(extended).toMatchObject({
      notifiedThrough: '2027-03-28T09:00:00.000Z',
      nextNotificationAt: '2027-03-29T09:00:00.000Z',
    });
  });

  it('audits each extension once, however often it is retried', async () => {
    const [assessment] = (await runPhase(env, cycle, 'assessment')) as [Task];
    const first = await extend(assessment, '2027-05-01T00:00:00.000Z');
    await extend(first, '2027-05-01T00:00:00.000Z');
    await extend(first, '2027-06-01T00:00:00.000Z');
    const audit = (await env.ports.cycles.record(cycle.cycleId))?.audit ?? [];
    expect(audit.filter((event) => event.type === 'task.extended').map((event) => event.data.dueAt)).toEqual([
      '2027-05-01T00:00:00.000Z',
      '2027-06-01T00:00:00.000Z',
    ]);
  });
});
