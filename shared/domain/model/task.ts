import * as z from 'zod';
import { CountryCode, Instant } from './instant.ts';
import { Role } from './roles.ts';

/** Status of a task. */
export const TaskStatus = z.enum(['OPEN', 'COMPLETED', 'CANCELLED']);
/** Status of a task. */
export type TaskStatus = z.infer<typeof TaskStatus>;

/** A human task: assigned to a role of a municipality, with a due date and a hard stop. */
export const Task = z.object({
  taskId: z.string(),
  cycleId: z.string(),
  templateId: z.string(),
  /** The template version of its cycle (titles and outputs come from it); older tasks lack it: the newest. */
  templateVersion: z.int().min(1).optional(),
  municipalityId: z.string(),
  country: CountryCode,
  phase: z.string(),
  taskKey: z.string(),
  revision: z.int().min(0),
  /** The round of a repeating phase (the meeting's number, the reporting period), from 0; absent for 0. */
  round: z.int().min(0).optional(),
  /**
   * `follow-up`: a meeting's decision, for its owner; the workflow does not wait on it, people track it like any
   * task.
   */
  kind: z.enum(['task', 'stall-resolution', 'follow-up']),
  assignee: Role,
  output: z.string(),
  status: TaskStatus,
  dueAt: Instant,
  hardStopAt: Instant,
  openedAt: Instant,
  completedAt: Instant.optional(),
  completedBy: Role.optional(),
  cancelledAt: Instant.optional(),
  /** The completed task's output, as validated against its schema. */
  result: z.unknown().optional(),
  /** What the workflow was sent (decision, outcome, action). */
  summary: z.record(z.string(), z.string()).optional(),
  /** The current task token; rebound when the workflow waits again. Never returned by the API. */
  taskToken: z.string().optional(),
  tokenDelivered: z.boolean().default(false),
  /** For a follow-up: the decision as the minutes wrote it (its title), and the priority or action it serves. */
  subject: z.string().optional(),
  linksTo: z.string().optional(),
  /** For a follow-up: the meeting task whose decision it is. */
  fromTaskId: z.string().optional(),
  /** For a stall-resolution task: the task that stalled. */
  stalledTaskId: z.string().optional(),
  extensions: z.int().min(0).default(0),
  extendedAt: Instant.optional(),
  /** When the deadline sweep must next look at this task (the sparse sweep index's sort key). */
  nextNotificationAt: Instant.optional(),
  /** Notification moments before this instant have been handled. */
  notifiedThrough: Instant.optional(),
  /**
   * An entry made on behalf of CAG members who were present (assisted entry): it completes the task when the
   * window for their objection has passed, unless one of them objects first.
   */
  pendingEntry: z
    .object({
      result: z.unknown(),
      summary: z.record(z.string(), z.string()),
      enteredBy: z.object({
        userId: z.string(),
        name: z.string(),
        role: z.string(),
        membershipId: z.string().optional(),
      }),
      onBehalfOf: z.array(z.object({ userId: z.string(), name: z.string() })).min(1),
      consent: z.object({
        method: z.enum(['verbal', 'written', 'other']),
        givenOn: z.string(),
        reference: z.string().optional(),
      }),
      enteredAt: Instant,
      objectionUntil: Instant,
    })
    .optional(),
  version: z.int().min(1),
});
/** A human task. */
export type Task = z.infer<typeof Task>;

/**
 * Deterministic task id: the same cycle, task, revision and round always name the same task (the first round
 * keeps the id it always had).
 */
export function taskIdOf(cycleId: string, taskKey: string, revision: number, round = 0): string {
  return `${cycleId}.${taskKey}.r${revision}${round > 0 ? `.m${round}` : ''}`;
}

/** The round of a repeating phase a task id names (`.m<round>`), 0 for the first. */
export function roundOfTaskId(taskId: string): number {
  const match = /\.r\d+\.m(\d+)/.exec(taskId);
  return match?.[1] ? Number(match[1]) : 0;
}

/** The id of the follow-up task of a meeting's decision (its position in the minutes). */
export function followUpIdOf(meetingTaskId: string, decisionIndex: number): string {
  return `${meetingTaskId}.d${decisionIndex + 1}`;
}

/** The cycle id inside a task id (task items live in their cycle's partition). */
export function cycleIdOfTask(taskId: string): string {
  return taskId.split('.')[0] ?? '';
}

/** True once a task's due date has passed. */
export function isOverdue(task: Pick<Task, 'dueAt' | 'status'>, now: Date): boolean {
  return task.status === 'OPEN' && new Date(task.dueAt).getTime() <= now.getTime();
}

/** Whose inbox an open task is in: a municipality's role, or (coordinator tasks) a country's coordinators. */
export type InboxOwner =
  | { role: 'municipality' | 'cag'; municipalityId: string }
  | { role: 'coordinator'; country: string };

/** The inbox a task belongs to. */
export function inboxOf(task: Pick<Task, 'assignee' | 'municipalityId' | 'country'>): InboxOwner {
  return task.assignee === 'coordinator'
    ? { role: 'coordinator', country: task.country }
    : { role: task.assignee, municipalityId: task.municipalityId };
}
