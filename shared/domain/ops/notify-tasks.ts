import { ConcurrentUpdateError } from '../errors.ts';
import type { Municipality } from '../model/municipality.ts';
import type { NotificationRecord } from '../model/notification-record.ts';
import type { Task } from '../model/task.ts';
import { findTask } from '../model/template.ts';
import { composeMessages, type DueNotification, type Recipient } from '../notifications/compose.ts';
import { dueMoments, type Moment, policyFor, scheduleFor } from '../notifications/schedule.ts';
import type { DomainEvent, Ports } from '../ports.ts';

/**
 * Sending what is due for a set of open tasks: the deadline sweep uses it for every task whose next
 * notification is due, and opening a task uses it for the assignment. It reads only the open tasks whose next notification is due (the sparse sweep index),
 * records each due notification under its deterministic id with a conditional write, claims it with a lease,
 * delivers one message per recipient (a digest when several are due), and only then moves the task on.
 * Two sweepers at once, a sweeper retried after a crash, or a machine that was off: each notification is sent
 * once, and missed ones fold into the latest instead of arriving in a burst.
 */

/** What one sweep did. */
export interface SweepReport {
  tasksRead: number;
  recorded: number;
  delivered: number;
  folded: number;
  withdrawn: number;
  messages: number;
}

/** How long a claimed notification is ours before another sweeper may deliver it (planning minutes). */
export const DEFAULT_LEASE_MINUTES = 15;

interface Claimed {
  record: NotificationRecord;
  moment: Moment;
  task: Task;
}

/** Sends what is due for these tasks at `now` (the sweep, and a task's assignment as it opens). */
/** The ports sending notifications needs. */
export type NotifyPorts = Pick<
  Ports,
  'tasks' | 'municipalities' | 'notifications' | 'notifier' | 'templates'
>;

export async function notifyTasks(
  deps: NotifyPorts,
  tasks: Task[],
  now: Date,
  leaseMinutes = DEFAULT_LEASE_MINUTES,
): Promise<SweepReport> {
  const report: SweepReport = {
    tasksRead: tasks.length,
    recorded: 0,
    delivered: 0,
    folded: 0,
    withdrawn: 0,
    messages: 0,
  };
  const leaseUntil = new Date(now.getTime() + leaseMinutes * 60_000).toISOString();
  const claimed: Claimed[] = [];
  const advances: { task: Task; notifiedThrough: string; next?: string }[] = [];

  for (const task of tasks) {
    const template = deps.templates.get(task.templateId);
    const moments = scheduleFor(task, policyFor(template, task));
    const processedBefore = new Date(task.notifiedThrough ?? 0);
    const { send, folded, next } = dueMoments(moments, processedBefore, now);
    report.folded += folded.length;
    let heldElsewhere: { at: Date; until: string } | undefined;
    for (const moment of send) {
      const proposed: NotificationRecord = {
        notificationId: moment.id,
        taskId: task.taskId,
        cycleId: task.cycleId,
        municipalityId: task.municipalityId,
        kind: moment.kind,
        offset: moment.offset,
        audience: moment.audience,
        scheduledAt: moment.at.toISOString(),
        status: 'PENDING',
        leaseUntil,
        recordedAt: now.toISOString(),
        messages: 0,
      };
      const { record, created } = await deps.notifications.record(proposed);
      if (created) {
        report.recorded += 1;
        claimed.push({ record, moment, task });
      } else if (record.status === 'PENDING') {
        // Recorded by a sweeper that stopped before delivering: take it over once its lease has run out.
        const taken =
          record.leaseUntil < now.toISOString()
            ? await deps.notifications.claim(record, now.toISOString(), leaseUntil)
            : undefined;
        if (taken) claimed.push({ record: taken, moment, task });
        else if (!heldElsewhere || moment.at < heldElsewhere.at)
          heldElsewhere = { at: moment.at, until: record.leaseUntil };
      }
    }
    // Another sweeper holds a moment: come back to it after its lease rather than skip past it.
    advances.push(
      heldElsewhere
        ? { task, notifiedThrough: heldElsewhere.at.toISOString(), next: heldElsewhere.until }
        : {
            task,
            notifiedThrough: new Date(now.getTime() + 1).toISOString(),
            ...(next ? { next: next.toISOString() } : {}),
          },
    );
  }

  await deliver(deps, claimed, now, report);

  for (const { task, notifiedThrough, next } of advances) {
    try {
      await deps.tasks.update(task, { notifiedThrough, nextNotificationAt: next });
    } catch (error) {
      // Completed, extended or swept by someone else meanwhile: their write already placed the task.
      if (!(error instanceof ConcurrentUpdateError)) throw error;
    }
  }
  return report;
}

async function deliver(deps: NotifyPorts, claimed: Claimed[], now: Date, report: SweepReport) {
  if (!claimed.length) return;
  // A notification that is no longer true is never sent: re-read each task just before delivering.
  const current = new Map<string, Task | undefined>();
  for (const taskId of new Set(claimed.map((one) => one.task.taskId)))
    current.set(taskId, await deps.tasks.get(taskId));
  const live: Claimed[] = [];
  for (const one of claimed) {
    const task = current.get(one.task.taskId);
    if (task?.status === 'OPEN' && task.extensions === one.task.extensions) live.push({ ...one, task });
    else {
      await deps.notifications.settle(one.record, { status: 'WITHDRAWN' });
      report.withdrawn += 1;
    }
  }

  const municipalities = new Map<string, Municipality | undefined>();
  const sent = new Map<string, number>();
  const byMunicipality = new Map<string, Claimed[]>();
  for (const one of live)
    byMunicipality.set(one.task.municipalityId, [
      ...(byMunicipality.get(one.task.municipalityId) ?? []),
      one,
    ]);
  for (const [municipalityId, items] of byMunicipality) {
    if (!municipalities.has(municipalityId))
      municipalities.set(municipalityId, await deps.municipalities.get(municipalityId));
    const municipality = municipalities.get(municipalityId);
    if (!municipality) continue;
    const groups = new Map<string, { recipient: Recipient; items: DueNotification[] }>();
    for (const item of items) {
      const role = item.moment.audience === 'coordinator' ? 'coordinator' : item.task.assignee;
      const template = deps.templates.get(item.task.templateId);
      const title = template ? findTask(template, item.task.phase, item.task.taskKey)?.title : undefined;
      for (const contact of municipality.contacts[role]) {
        const key = `${role}\u0000${contact.email ?? ''}\u0000${contact.phone ?? ''}`;
        const group = groups.get(key) ?? { recipient: { role, contact }, items: [] };
        group.items.push({
          notificationId: item.record.notificationId,
          moment: item.moment,
          task: item.task,
          title,
        });
        groups.set(key, group);
      }
    }
    for (const { recipient, items: groupItems } of groups.values()) {
      for (const message of composeMessages(groupItems, recipient, municipality, now)) {
        await deps.notifier.deliver(message);
        report.messages += 1;
        for (const id of message.notificationIds) sent.set(id, (sent.get(id) ?? 0) + 1);
      }
    }
  }

  for (const one of live) {
    await deps.notifications.settle(one.record, {
      status: 'DELIVERED',
      deliveredAt: now.toISOString(),
      messages: sent.get(one.record.notificationId) ?? 0,
    });
    report.delivered += 1;
    const event: DomainEvent = {
      type: `task.${one.moment.kind}` as DomainEvent['type'],
      at: now.toISOString(),
      detail: {
        notificationId: one.record.notificationId,
        taskId: one.task.taskId,
        cycleId: one.task.cycleId,
        municipalityId: one.task.municipalityId,
        assignee: one.task.assignee,
        audience: one.moment.audience,
        dueAt: one.task.dueAt,
      },
    };
    await deps.notifier.publish(event);
  }
}
