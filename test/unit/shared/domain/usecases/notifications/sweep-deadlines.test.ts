import { beforeEach, describe, expect, it } from 'vitest';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import type { Task } from '#shared/domain/model/task.ts';
import { sweepDeadlines } from '#shared/domain/usecases/notifications/sweep-deadlines.ts';
import { completeTask } from '#shared/domain/usecases/tasks/complete-task.ts';
import { exampleOutputs } from '#workflows/templates/examples.ts';
import {
  callers,
  DAY,
  givenCycle,
  givenMunicipality,
  runPhase,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;
let cycle: Cycle;
let assessment: Task;

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  cycle = await givenCycle(env);
  [assessment] = (await runPhase(env, cycle, 'assessment')) as [Task];
});

/** Moves planning time to `days` after the assessment's due date (negative: before) and sweeps. */
async function sweepAt(days: number, options: Parameters<typeof sweepDeadlines>[1] = {}) {
  env.clock.set(new Date(new Date(assessment.dueAt).getTime() + days * DAY + 60_000));
  const before = env.notifier.messages.length;
  const report = await sweepDeadlines(env.ports, options);
  return { report, messages: env.notifier.messages.slice(before) };
}
const firstLines = (messages: { text: string }[]) => messages.map((message) => message.text.split('\n')[0]);

describe('sweepDeadlines', () => {
  it('told the assignee when the task opened, in their language', () => {
    expect(
      env.notifier.messages.map((message) => [message.channel, message.recipient.address, message.kinds]),
    ).toEqual([['email', 'contact@plovdiv.example', ['assigned']]]);
    expect(env.notifier.messages[0]?.text).toMatch(
      /^Нова задача: „Подайте оценката на нуждите“, срок 5\.03\.2027 г\./,
    );
  });

  it('reminds the assignee 14 days before the deadline, once, and publishes the event', async () => {
    const { report, messages } = await sweepAt(-14);
    expect(firstLines(messages)).toEqual([
      'Напомняне: „Подайте оценката на нуждите“ е със срок 5.03.2027 г. (остават 14 дни).',
    ]);
    expect(report).toMatchObject({ recorded: 1, delivered: 1, messages: 1 });
    expect(env.notifier.events.map((event) => event.type)).toContain('task.reminder');

    const again = await sweepAt(-14);
    expect(again.messages).toEqual([]);
    expect(again.report.recorded).toBe(0);
  });

  it('sends the latest of the moments missed while nothing swept, not a burst', async () => {
    await sweepAt(-14);
    // The machine was off from 14 days before until after the 1-day reminder.
    const { report, messages } = await sweepAt(-0.9);
    expect(firstLines(messages)).toEqual([
      'Напомняне: „Подайте оценката на нуждите“ е със срок 5.03.2027 г. (остава 1 ден).',
    ]);
    expect(report.folded).toBe(1);
  });

  it('tells the assignee when the task is overdue, and escalates to the coordinator a week later', async () => {
    const overdue = await sweepAt(0);
    expect(firstLines(overdue.messages)).toEqual([
      'Просрочено: „Подайте оценката на нуждите“ беше със срок 5.03.2027 г.',
    ]);
    const escalation = await sweepAt(7);
    expect(escalation.messages.map((message) => message.recipient)).toMatchObject([
      { role: 'coordinator', address: 'coordinator@romact.example', locale: 'en' },
    ]);
    expect(firstLines(escalation.messages)).toEqual([
      'Escalation: Plovdiv – Stolipinovo has not completed "Submit the needs assessment" (due Mar 5, 2027, 7 days late).',
    ]);
  });

  it('sends nothing more for a completed task', async () => {
    await completeTask(
      env.ports,
      callers.municipality,
      assessment.taskId,
      exampleOutputs['needs-assessment'],
    );
    expect((await sweepAt(-14)).messages).toEqual([]);
    expect((await sweepAt(7)).report.tasksRead).toBe(0);
  });

  it('gathers what is due for one person into one message, by email and by SMS', async () => {
    // The CAG's consultation and endorsement fall due together.
    const [consultation] = (await runPhase(env, cycle, 'consultation')) as [Task];
    await runPhase(env, cycle, 'plan-approval');
    env.clock.set(new Date(new Date(consultation.dueAt).getTime() + 60_000));
    const before = env.notifier.messages.length;
    await sweepDeadlines(env.ports);
    const toCag = env.notifier.messages.slice(before).filter((message) => message.recipient.role === 'cag');
    expect(toCag.map((message) => message.channel).sort()).toEqual(['email', 'sms']);
    for (const message of toCag) expect(message.notificationIds).toHaveLength(2);
    expect(toCag.find((message) => message.channel === 'email')?.text.split('\n')[0]).toBe(
      '2 задачи изискват внимание:',
    );
  });

  it('reads every due task across pages', async () => {
    const other = await givenCycle(env, { parallel: true });
    await runPhase(env, other, 'assessment');
    const { report } = await sweepAt(-14, { pageSize: 1 });
    expect(report.tasksRead).toBe(2);
    expect(report.delivered).toBe(2);
  });
});
