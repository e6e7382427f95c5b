import { beforeEach, describe, expect, it } from 'vitest';
import type { Task } from '#shared/domain/model/task.ts';
import { dispatchMessages } from '#shared/domain/ops/dispatch-messages.ts';
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
const sent = async () => {
  await dispatchMessages(env.ports, reminderTime());
  return env.notifier.messages
    .map((message) => [message.channel, message.recipient.address, message.kinds])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
};

describe('notifyTasks', () => {
  it('stores each due notification once, as a message per person and channel, then moves the task on', async () => {
    const report = await notify();
    expect(report).toMatchObject({ recorded: 1, delivered: 1, messages: 2, undeliverable: 0 });
    expect(await sent()).toEqual([
      ['email', 'cag@example.org', ['reminder']],
      ['sms', '+359888000111', ['reminder']],
    ]);
    const records = await env.ports.notifications.listByCycle(consultation.cycleId);
    expect(records.find((one) => one.kind === 'reminder')).toMatchObject({
      status: 'DELIVERED',
      messages: 2,
    });
    expect((await stored(env.ports, consultation.taskId)).nextNotificationAt).toBe(
      new Date(new Date(consultation.dueAt).getTime() - 3 * DAY).toISOString(),
    );

    expect((await notify()).messages).toBe(0);
    expect(await sent()).toHaveLength(2);
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

  it('keeps a notification nobody can receive for the coordinators to see, once, instead of dropping it', async () => {
    await givenMunicipality(env.ports, {
      municipalityId: 'bg-nobody',
      name: 'Nobody',
      contacts: { municipality: [], cag: [], coordinator: [] },
    });
    const [lonely] = (await runPhase(
      env,
      await givenCycle(env, { municipalityId: 'bg-nobody' }),
      'assessment',
    )) as [Task];
    // Its assignment, as it opened, reached nobody: the municipality has no staff yet. It is kept.
    const kept = await env.ports.messages.listUndeliverable(['BG'], { limit: 10 });
    expect(kept.items.map((message) => message.taskIds)).toEqual([[lonely.taskId]]);
    // Once: a later sweep at the same moment keeps nothing twice.
    const again = await notifyTasks(env.ports, [await stored(env.ports, lonely.taskId)], env.clock.now());
    expect(again.undeliverable).toBe(0);
  });

  it('withdraws what is no longer true when it would be sent: the task was completed meanwhile', async () => {
    const competitor = async () =>
      env.ports.tasks.update(await stored(env.ports, consultation.taskId), { status: 'COMPLETED' });
    const report = await notify({ ...env.ports, tasks: racing(env.ports.tasks, 'get', competitor) });
    expect(report.withdrawn).toBe(1);
    expect(await sent()).toEqual([]);
    const records = await env.ports.notifications.listByCycle(consultation.cycleId);
    expect(records.find((one) => one.kind === 'reminder')?.status).toBe('WITHDRAWN');
  });

  it('leaves a notification another sweeper holds to it, and comes back once its lease runs out', async () => {
    // Another sweeper recorded the reminder, then stalled before storing its messages.
    const stalled = new Proxy(env.ports.messages, {
      get: (target, property, receiver) =>
        property === 'put' ? () => new Promise(() => {}) : Reflect.get(target, property, receiver),
    });
    void notifyTasks(
      { ...env.ports, messages: stalled },
      [await stored(env.ports, consultation.taskId)],
      reminderTime(),
      15,
    );
    await new Promise((resolve) => setTimeout(resolve, 10));

    const report = await notify();
    expect(report.delivered).toBe(0);
    const task = await stored(env.ports, consultation.taskId);
    expect(task.nextNotificationAt).toBe(new Date(reminderTime().getTime() + 15 * 60_000).toISOString());

    // The other sweeper died: after its lease, this one stores the reminder, once.
    const later = await notify(env.ports, new Date(reminderTime().getTime() + 16 * 60_000));
    expect(later.delivered).toBe(1);
    expect(later.messages).toBe(2);
  });

  it('withdraws a notification of an earlier deadline when the task was extended meanwhile', async () => {
    const competitor = async () =>
      env.ports.tasks.update(await stored(env.ports, consultation.taskId), { extensions: 1 });
    const report = await notify({ ...env.ports, tasks: racing(env.ports.tasks, 'get', competitor) });
    expect(report.withdrawn).toBe(1);
    expect(await sent()).toEqual([]);
  });
});
