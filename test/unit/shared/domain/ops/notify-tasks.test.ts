import { beforeEach, describe, expect, it } from 'vitest';
import type { Task } from '#shared/domain/model/task.ts';
import { notifyTasks } from '#shared/domain/ops/notify-tasks.ts';
import {
  DAY,
  givenCycle,
  givenMunicipality,
  racing,
  runPhase,
  stored,
  type UnitEnv,
  unitPorts,
} from '../../../../support/unit-ports.ts';

let env: UnitEnv;
let consultation: Task;
beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  // The CAG's task: one member by email, one by phone only.
  [consultation] = (await runPhase(env, await givenCycle(env), 'consultation')) as [Task];
  env.notifier.messages.length = 0;
  env.notifier.events.length = 0;
});

/** Planning time 14 days (and a minute) before the consultation is due: its first reminder is due. */
const reminderTime = () => new Date(new Date(consultation.dueAt).getTime() - 14 * DAY + 60_000);
const notify = async (ports = env.ports, now = reminderTime(), leaseMinutes?: number) =>
  notifyTasks(ports, [await stored(env.ports, consultation.taskId)], now, leaseMinutes);

describe('notifyTasks', () => {
  it('sends each due notification once per recipient and channel, then moves the task on', async () => {
    const report = await notify();
    expect(env.notifier.messages.map((message) => [message.channel, message.recipient.address])).toEqual([
      ['email', 'cag@example.org'],
      ['sms', '+359888000111'],
    ]);
    expect(report).toMatchObject({ recorded: 1, delivered: 1, messages: 2 });
    const records = await env.ports.notifications.listByCycle(consultation.cycleId);
    expect(records.find((one) => one.kind === 'reminder')).toMatchObject({
      status: 'DELIVERED',
      messages: 2,
    });
    expect((await stored(env.ports, consultation.taskId)).nextNotificationAt).toBe(
      new Date(new Date(consultation.dueAt).getTime() - 3 * DAY).toISOString(),
    );

    await notify();
    expect(env.notifier.messages).toHaveLength(2);
  });

  it('publishes an event with ids only, never an address', async () => {
    await notify();
    expect(env.notifier.events).toHaveLength(1);
    expect(env.notifier.events[0]).toMatchObject({
      type: 'task.reminder',
      detail: { taskId: consultation.taskId },
    });
    expect(JSON.stringify(env.notifier.events)).not.toMatch(/@|\+359/);
  });

  it('withdraws what is no longer true when it would be delivered: the task was completed meanwhile', async () => {
    const competitor = async () =>
      env.ports.tasks.update(await stored(env.ports, consultation.taskId), { status: 'COMPLETED' });
    const report = await notify({ ...env.ports, tasks: racing(env.ports.tasks, 'get', competitor) });
    expect(report.withdrawn).toBe(1);
    expect(env.notifier.messages).toEqual([]);
    const records = await env.ports.notifications.listByCycle(consultation.cycleId);
    expect(records.find((one) => one.kind === 'reminder')?.status).toBe('WITHDRAWN');
  });

  it('leaves a notification another sweeper holds to it, and comes back once its lease runs out', async () => {
    // Another sweeper recorded the reminder and is delivering it.
    const other = {
      ...env.ports,
      notifier: { ...env.notifier, deliver: async () => new Promise<void>(() => {}) },
    };
    void notifyTasks(other, [await stored(env.ports, consultation.taskId)], reminderTime(), 15);
    await new Promise((resolve) => setTimeout(resolve, 10));

    const report = await notify();
    expect(report.delivered).toBe(0);
    expect(env.notifier.messages).toEqual([]);
    const task = await stored(env.ports, consultation.taskId);
    expect(task.nextNotificationAt).toBe(new Date(reminderTime().getTime() + 15 * 60_000).toISOString());

    // The other sweeper died: after its lease, this one delivers the reminder, once.
    const later = await notify(env.ports, new Date(reminderTime().getTime() + 16 * 60_000));
    expect(later.delivered).toBe(1);
    expect(env.notifier.messages.map((message) => message.kinds)).toEqual([['reminder'], ['reminder']]);
  });

  it('withdraws a notification of an earlier deadline when the task was extended meanwhile', async () => {
    const competitor = async () =>
      env.ports.tasks.update(await stored(env.ports, consultation.taskId), { extensions: 1 });
    const report = await notify({ ...env.ports, tasks: racing(env.ports.tasks, 'get', competitor) });
    expect(report.withdrawn).toBe(1);
    expect(env.notifier.messages).toEqual([]);
  });
});
