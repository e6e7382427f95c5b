import { createHash } from 'node:crypto';
import { ConcurrentUpdateError } from '../errors.ts';
import { appLinks } from '../model/app-links.ts';
import type { Message } from '../model/message.ts';
import type { Municipality } from '../model/municipality.ts';
import type { NotificationRecord } from '../model/notification-record.ts';
import type { Task } from '../model/task.ts';
import { taskTitle } from '../notifications/catalogs/task-title.ts';
import { type DueNotification, noticeLine } from '../notifications/compose.ts';
import { addresseesOf, sendAfterFor } from '../notifications/recipients.ts';
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
  /** Messages stored for people (sent by the dispatch). */
  messages: number;
  /** Notifications nobody could receive (stored for the coordinators to see). */
  undeliverable: number;
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
  'tasks' | 'municipalities' | 'notifications' | 'notifier' | 'templates' | 'users' | 'messages' | 'settings'
>;

export async function notifyTasks(
  deps: NotifyPorts,
  tasks: Task[],
  now: Date,
  leaseMinutes = DEFAULT_LEASE_MINUTES,
  /** Receives each message this call stored for a person (a task's assignment dispatches just these). */
  stored?: Message[],
): Promise<SweepReport> {
  const report: SweepReport = {
    tasksRead: tasks.length,
    recorded: 0,
    delivered: 0,
    folded: 0,
    withdrawn: 0,
    messages: 0,
    undeliverable: 0,
  };
  const leaseUntil = new Date(now.getTime() + leaseMinutes * 60_000).toISOString();
  const claimed: Claimed[] = [];
  const advances: { task: Task; notifiedThrough: string; next?: string }[] = [];

  for (const task of tasks) {
    const template = deps.templates.get(task.templateId, task.templateVersion);
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
            // An entry made on the CAG's behalf brings the sweep back when its objection window closes.
            ...(nextVisit(next, task) ? { next: nextVisit(next, task) } : {}),
          },
    );
  }

  await deliver(deps, claimed, now, report, stored);

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

/** When the sweep must next look at a task: its next notification, or an entry's end of objections. */
function nextVisit(next: Date | undefined, task: Task): string | undefined {
  const times = [next?.toISOString(), task.pendingEntry?.objectionUntil].filter((time): time is string =>
    Boolean(time),
  );
  return times.sort()[0];
}

/** A short code for a task's link in an SMS (a task id would not fit two segments). */
export function shortCodeOf(taskId: string): string {
  return createHash('sha256').update(taskId).digest('base64url').slice(0, 10);
}

/** The link to a task in the web app: the full address in an email, a short one in an SMS. */
async function linkTo(deps: Pick<Ports, 'messages' | 'settings'>, taskId: string, channel: 'email' | 'sms') {
  if (channel === 'email') return appLinks.task(deps.settings.publicUrl, taskId);
  const code = shortCodeOf(taskId);
  await deps.messages.putLink(code, taskId);
  return appLinks.short(deps.settings.publicUrl, code);
}

/** A deterministic message id: the same notification to the same person on the same channel is one message. */
const messageIdOf = (...parts: string[]) =>
  `msg-${createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 24)}`;

/**
 * Turns claimed notifications into stored messages: one per person and channel, in the person's language, with
 * a link to the task, not before the end of their quiet hours. A notification nobody can receive is stored as
 * UNDELIVERABLE (the coordinators see it) and logged, never dropped. The messages are sent by the dispatch.
 */
async function deliver(
  deps: NotifyPorts,
  claimed: Claimed[],
  now: Date,
  report: SweepReport,
  stored?: Message[],
) {
  if (!claimed.length) return;
  // A notification that is no longer true is never sent: re-read each task just before delivering.
  const current = new Map<string, Task | undefined>();
  for (const taskId of new Set(claimed.map((one) => one.task.taskId)))
    current.set(taskId, await deps.tasks.get(taskId));
  const municipalities = new Map<string, Municipality | undefined>();
  for (const one of claimed) {
    const task = current.get(one.task.taskId);
    if (task?.status !== 'OPEN' || task.extensions !== one.task.extensions) {
      await deps.notifications.settle(one.record, { status: 'WITHDRAWN' });
      report.withdrawn += 1;
      continue;
    }
    if (!municipalities.has(task.municipalityId))
      municipalities.set(task.municipalityId, await deps.municipalities.get(task.municipalityId));
    const municipality = municipalities.get(task.municipalityId);
    if (!municipality) continue;
    // A stall task's title names the stalled task; other tasks carry the template's title.
    const title = taskTitle(deps.templates.get(task.templateId, task.templateVersion), task);
    const item: DueNotification = {
      notificationId: one.record.notificationId,
      moment: one.moment,
      task,
      title,
    };
    const addressees = await addresseesOf(
      deps,
      one.moment.audience === 'coordinator' || task.assignee === 'coordinator'
        ? { role: 'coordinator', country: task.country }
        : { role: task.assignee, municipalityId: task.municipalityId },
    );
    const base = {
      municipalityId: task.municipalityId,
      municipalityName: municipality.name,
      country: task.country,
      cycleIds: [task.cycleId],
      taskIds: [task.taskId],
      notificationIds: [one.record.notificationId],
      kinds: [one.moment.kind],
      createdAt: now.toISOString(),
    };
    if (!addressees.length) {
      await deps.messages.put({
        ...base,
        messageId: messageIdOf(one.record.notificationId, 'nobody'),
        role: one.moment.audience === 'coordinator' ? 'coordinator' : task.assignee,
        locale: 'en',
        text: noticeLine(item, 'en', municipality, now),
        sendAfter: now.toISOString(),
        status: 'UNDELIVERABLE',
      });
      report.undeliverable += 1;
    }
    for (const { user, channel, role } of addressees) {
      const message: Message = {
        ...base,
        messageId: messageIdOf(one.record.notificationId, user.userId, channel.type),
        userId: user.userId,
        channel: channel.type,
        role,
        locale: user.locale,
        text: noticeLine(item, user.locale, municipality, now),
        link: await linkTo(deps, task.taskId, channel.type),
        sendAfter: sendAfterFor(user, now).toISOString(),
        status: 'PENDING',
      };
      const created = await deps.messages.put(message);
      if (created.created) {
        report.messages += 1;
        stored?.push(message);
      }
    }
    await deps.notifications.settle(one.record, {
      status: 'DELIVERED',
      deliveredAt: now.toISOString(),
      messages: addressees.length,
    });
    report.delivered += 1;
    const event: DomainEvent = {
      type: `task.${one.moment.kind}` as DomainEvent['type'],
      at: now.toISOString(),
      detail: {
        notificationId: one.record.notificationId,
        taskId: task.taskId,
        cycleId: task.cycleId,
        municipalityId: task.municipalityId,
        assignee: task.assignee,
        audience: one.moment.audience,
        dueAt: task.dueAt,
        recipients: addressees.length,
      },
    };
    await deps.notifier.publish(event);
  }
}
