import { addDuration, subtractDuration } from '../duration.ts';
import type { Task } from '../model/task.ts';
import type { CycleTemplate } from '../model/template.ts';
import { findTask } from '../model/template.ts';

/**
 * When a task's notifications fall due: the assignment when it opens, reminders before the due date, the
 * overdue notice at the due date, and escalations to the coordinator after a grace period. Each moment has a
 * deterministic id (task, kind, offset, extension), so recording it twice is recording it once.
 */

/** Kinds of notification. */
export type NotificationKind = 'assigned' | 'reminder' | 'overdue' | 'escalated';
/** Who a notification goes to: the task's assignee, or the coordinator. */
export type Audience = 'assignee' | 'coordinator';

/** One moment a notification falls due. */
export interface Moment {
  id: string;
  taskId: string;
  kind: NotificationKind;
  /** The offset that placed it: P14D before the due date, P7D after it, P0D for assignment and overdue. */
  offset: string;
  /** 1 or 2 for escalations. */
  step?: number;
  at: Date;
  audience: Audience;
}

/** A task's policy, with the template's defaults applied. */
export interface ResolvedPolicy {
  remindBefore: string[];
  escalateAfter?: string;
  secondEscalationAfter?: string;
}

const DEFAULT_POLICY: ResolvedPolicy = { remindBefore: ['P14D', 'P3D', 'P1D'], escalateAfter: 'P7D' };

/** The policy of a task: its own settings over the template's defaults over the engine's. */
export function policyFor(
  template: CycleTemplate | undefined,
  task: Pick<Task, 'phase' | 'taskKey' | 'kind'>,
): ResolvedPolicy {
  const defaults = { ...DEFAULT_POLICY, ...template?.defaults.notifications };
  const own = template ? findTask(template, task.phase, task.taskKey)?.notifications : undefined;
  const merged = { ...defaults, ...own };
  // A coordinator's own task (resolving a stall) is not escalated to the coordinator again.
  if (task.kind === 'stall-resolution') {
    return { remindBefore: merged.remindBefore ?? [] };
  }
  return {
    remindBefore: merged.remindBefore ?? [],
    ...(merged.escalateAfter ? { escalateAfter: merged.escalateAfter } : {}),
    ...(merged.secondEscalationAfter ? { secondEscalationAfter: merged.secondEscalationAfter } : {}),
  };
}

/**
 * Every moment of a task, in time order. Nothing falls before the task opened (the assignment covers it), and
 * an extension starts a new series: the earlier series' moments no longer apply.
 */
export function scheduleFor(
  task: Pick<
    Task,
    'taskId' | 'openedAt' | 'dueAt' | 'extensions' | 'extendedAt' | 'phase' | 'taskKey' | 'kind'
  >,
  policy: ResolvedPolicy,
): Moment[] {
  const series = `e${task.extensions}`;
  const opened = new Date(task.openedAt);
  const validFrom = task.extendedAt && task.extensions > 0 ? new Date(task.extendedAt) : opened;
  const due = new Date(task.dueAt);
  const moment = (
    kind: NotificationKind,
    offset: string,
    at: Date,
    audience: Audience,
    step?: number,
  ): Moment => ({
    id: `${task.taskId}:${kind}:${offset}${step ? `:${step}` : ''}:${series}`,
    taskId: task.taskId,
    kind,
    offset,
    at,
    audience,
    ...(step ? { step } : {}),
  });
  const moments: Moment[] = [];
  if (task.extensions === 0)
    moments.push({ ...moment('assigned', 'P0D', opened, 'assignee'), id: `${task.taskId}:assigned:P0D` });
  for (const offset of policy.remindBefore) {
    const at = subtractDuration(due, offset);
    if (at > validFrom) moments.push(moment('reminder', offset, at, 'assignee'));
  }
  moments.push(moment('overdue', 'P0D', due, 'assignee'));
  if (policy.escalateAfter) {
    const first = addDuration(due, policy.escalateAfter);
    moments.push(moment('escalated', policy.escalateAfter, first, 'coordinator', 1));
    if (policy.secondEscalationAfter) {
      moments.push(
        moment(
          'escalated',
          policy.secondEscalationAfter,
          addDuration(first, policy.secondEscalationAfter),
          'coordinator',
          2,
        ),
      );
    }
  }
  return moments.filter((one) => one.at >= validFrom).sort((a, b) => a.at.getTime() - b.at.getTime());
}

/**
 * What a sweep at `now` does for a task whose moments up to `processedBefore` were handled: per audience, the
 * latest moment that has passed is sent and the earlier ones are folded into it (a machine that was off
 * sends no burst of stale reminders). `next` is when the task next needs a sweep.
 */
export function dueMoments(
  moments: Moment[],
  processedBefore: Date,
  now: Date,
): { send: Moment[]; folded: Moment[]; next?: Date } {
  const passed = moments.filter((one) => one.at >= processedBefore && one.at <= now);
  const send: Moment[] = [];
  for (const audience of ['assignee', 'coordinator'] as const) {
    const latest = passed.filter((one) => one.audience === audience).at(-1);
    if (latest) send.push(latest);
  }
  const folded = passed.filter((one) => !send.includes(one));
  const upcoming = moments.find((one) => one.at > now);
  return { send, folded, ...(upcoming ? { next: upcoming.at } : {}) };
}
