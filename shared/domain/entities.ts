import { z } from 'zod';
import { LocaleCode, Role } from './roles.ts';

/** Entities as stored and returned by the API. Items read back from the store are parsed with these schemas. */

const Instant = z.iso.datetime({ offset: true });

/** An ISO-3166 alpha-2 country code (BG, HU, IT, RO, SK, ...). */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO-3166 alpha-2 code such as "BG"');

/** Status of a cycle. RUNNING and STALLED are live; the others are final. */
export const CycleStatus = z.enum([
  'RUNNING',
  'STALLED',
  'COMPLETED',
  'PLAN_REJECTED',
  'CANCELLED',
  'ABANDONED',
  'FAILED',
]);
/** Status of a cycle. */
export type CycleStatus = z.infer<typeof CycleStatus>;
/** Statuses in which a cycle still has a workflow running. */
export const liveStatuses: ReadonlySet<CycleStatus> = new Set(['RUNNING', 'STALLED']);

/** A planning cycle of one municipality. */
export const Cycle = z.object({
  cycleId: z.string(),
  templateId: z.string(),
  templateVersion: z.int(),
  municipalityId: z.string(),
  country: CountryCode,
  status: CycleStatus,
  currentPhase: z.string(),
  revision: z.int().min(0),
  /** Dates given at start, such as a funding call's closing date. */
  dates: z.record(z.string(), Instant).default({}),
  /** Per-cycle due offsets by task key, overriding the template's. */
  dueOverrides: z.record(z.string(), z.string()).default({}),
  executionName: z.string(),
  executionId: z.string().optional(),
  clientToken: z.string().optional(),
  previousCycleId: z.string().optional(),
  nextCycleId: z.string().optional(),
  startedAt: Instant,
  updatedAt: Instant,
  endedAt: Instant.optional(),
  version: z.int().min(1),
});
/** A planning cycle of one municipality. */
export type Cycle = z.infer<typeof Cycle>;

/** A phase as it ran (a revision runs a phase again). */
export const PhaseRun = z.object({
  cycleId: z.string(),
  phase: z.string(),
  revision: z.int().min(0),
  startedAt: Instant,
  endedAt: Instant.optional(),
});
/** A phase as it ran. */
export type PhaseRun = z.infer<typeof PhaseRun>;

/** Status of a task. */
export const TaskStatus = z.enum(['OPEN', 'COMPLETED', 'CANCELLED']);
/** Status of a task. */
export type TaskStatus = z.infer<typeof TaskStatus>;

/** A human task: assigned to a role of a municipality, with a due date and a hard stop. */
export const Task = z.object({
  taskId: z.string(),
  cycleId: z.string(),
  templateId: z.string(),
  municipalityId: z.string(),
  country: CountryCode,
  phase: z.string(),
  taskKey: z.string(),
  revision: z.int().min(0),
  kind: z.enum(['task', 'stall-resolution']),
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
  /** For a stall-resolution task: the task that stalled. */
  stalledTaskId: z.string().optional(),
  extensions: z.int().min(0).default(0),
  extendedAt: Instant.optional(),
  /** When the deadline sweep must next look at this task (the sparse sweep index's sort key). */
  nextNotificationAt: Instant.optional(),
  /** Notification moments before this instant have been handled. */
  notifiedThrough: Instant.optional(),
  version: z.int().min(1),
});
/** A human task. */
export type Task = z.infer<typeof Task>;

/** One entry of a cycle's append-only audit trail. */
export const AuditEvent = z.object({
  cycleId: z.string(),
  eventId: z.string(),
  at: Instant,
  type: z.string(),
  actor: z.string(),
  data: z.record(z.string(), z.unknown()).default({}),
});
/** One entry of a cycle's audit trail. */
export type AuditEvent = z.infer<typeof AuditEvent>;

/** A contact: the minimum to reach a person. Personal data: never logged. */
export const Contact = z
  .strictObject({
    name: z.string().trim().min(1).max(200).optional(),
    email: z.email().max(254).optional(),
    phone: z
      .string()
      .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number such as +359888123456')
      .optional(),
    locale: LocaleCode.optional(),
  })
  .refine((contact) => contact.email !== undefined || contact.phone !== undefined, {
    message: 'a contact needs an email or a phone number',
  });
/** A contact. */
export type Contact = z.infer<typeof Contact>;

/** A municipality and its contact channels. */
export const Municipality = z.object({
  municipalityId: z.string(),
  name: z.string().trim().min(1).max(200),
  country: CountryCode,
  locale: LocaleCode,
  timeZone: z.string().min(1).max(64),
  contacts: z
    .object({
      municipality: z.array(Contact).max(20).default([]),
      cag: z.array(Contact).max(50).default([]),
      /** The programme coordinator(s) to alert on escalation. */
      coordinator: z.array(Contact).max(10).default([]),
    })
    .default({ municipality: [], cag: [], coordinator: [] }),
  updatedAt: Instant,
});
/** A recorded notification: one moment of one task, delivered exactly once. */
export const NotificationRecord = z.object({
  notificationId: z.string(),
  taskId: z.string(),
  cycleId: z.string(),
  municipalityId: z.string(),
  kind: z.enum(['assigned', 'reminder', 'overdue', 'escalated']),
  offset: z.string(),
  audience: z.enum(['assignee', 'coordinator']),
  scheduledAt: Instant,
  status: z.enum(['PENDING', 'DELIVERED', 'WITHDRAWN']),
  leaseUntil: Instant,
  recordedAt: Instant,
  deliveredAt: Instant.optional(),
  messages: z.int().min(0).default(0),
});
/** A recorded notification. */
export type NotificationRecord = z.infer<typeof NotificationRecord>;

/** A municipality and its contacts. */
export type Municipality = z.infer<typeof Municipality>;
