import type { Clock } from './clock.ts';
import type {
  AuditEvent,
  Cycle,
  CycleStatus,
  Municipality,
  NotificationRecord,
  PhaseRun,
  Task,
} from './entities.ts';
import type { CycleTemplate } from './template.ts';

/** Ports: what the domain needs from the outside, with one adapter each for AWS and for the local runtime. */

/** A page of results and the cursor for the next one. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** Everything stored about one cycle, read in one query. */
export interface CycleRecord {
  cycle: Cycle;
  phases: PhaseRun[];
  tasks: Task[];
  audit: AuditEvent[];
}

/** Read and write units a call consumed, when the store can tell. */
export interface CapacityMeter {
  add(operation: string, readUnits: number, writeUnits: number): void;
}

/** The single-table store. Every write is one conditional, repeatable item write. */
export interface Store {
  /** Creates the cycle unless one with this id exists; returns the stored one either way. */
  createCycle(cycle: Cycle): Promise<{ cycle: Cycle; created: boolean }>;
  getCycle(cycleId: string): Promise<Cycle | undefined>;
  getCycleRecord(cycleId: string): Promise<CycleRecord | undefined>;
  /** Applies `changes` if the cycle is still at `expectedVersion`; throws ConcurrentUpdateError otherwise. */
  updateCycle(cycle: Cycle, changes: Partial<Cycle>): Promise<Cycle>;
  listCyclesByMunicipality(
    municipalityId: string,
    options: ListOptions & { status?: CycleStatus },
  ): Promise<Page<Cycle>>;
  listCyclesByCountry(
    country: string,
    status: CycleStatus | undefined,
    options: ListOptions,
  ): Promise<Page<Cycle>>;

  /** Records a phase run once; a repeat returns the first record. */
  startPhase(run: PhaseRun): Promise<PhaseRun>;
  endPhase(run: PhaseRun, endedAt: string): Promise<PhaseRun>;

  /** Creates the task unless it exists; returns the stored one and whether it was created. */
  createTask(task: Task): Promise<{ task: Task; created: boolean }>;
  getTask(taskId: string): Promise<Task | undefined>;
  /** Applies `changes` if the task is still at its version (and OPEN unless `allowClosed`). */
  updateTask(task: Task, changes: Partial<Task>, options?: { allowClosed?: boolean }): Promise<Task>;
  /** Open tasks of a municipality for one role, earliest due first. */
  listInbox(
    municipalityId: string,
    role: string,
    options: ListOptions & { dueBefore?: string },
  ): Promise<Page<Task>>;
  /** Open tasks whose sweep time is at or before `until`, across the region (the sparse sweep index). */
  listOpenTasksDueBy(until: string, options: ListOptions): Promise<Page<Task>>;

  /** Appends an audit event once (the id is deterministic, so a retry writes nothing new). */
  appendAudit(event: AuditEvent): Promise<void>;

  putMunicipality(municipality: Municipality): Promise<Municipality>;
  getMunicipality(municipalityId: string): Promise<Municipality | undefined>;
  /** Erases the contacts (personal data) of a municipality. */
  deleteContacts(municipalityId: string, at: string): Promise<void>;

  /** Records a notification once; a repeat returns the stored one. */
  recordNotification(record: NotificationRecord): Promise<{ record: NotificationRecord; created: boolean }>;
  /** Takes over a PENDING notification whose lease has run out; false when someone else holds it. */
  claimNotification(
    record: NotificationRecord,
    now: string,
    leaseUntil: string,
  ): Promise<NotificationRecord | undefined>;
  /** Marks a claimed notification delivered (or withdrawn: its task closed before delivery). */
  settleNotification(
    record: NotificationRecord,
    changes: Pick<NotificationRecord, 'status'> & Partial<NotificationRecord>,
  ): Promise<void>;
  listNotifications(cycleId: string): Promise<NotificationRecord[]>;
}

/** One message to one recipient on one channel (a digest when it lists several notifications). */
export interface OutboundMessage {
  /** Deterministic: the same notifications to the same recipient make the same id. */
  messageId: string;
  channel: 'email' | 'sms';
  recipient: { role: 'municipality' | 'cag' | 'coordinator'; address: string; locale: string };
  municipalityId: string;
  country: string;
  cycleIds: string[];
  notificationIds: string[];
  kinds: string[];
  subject?: string;
  text: string;
  createdAt: string;
}

/** A domain event for integrations (EventBridge on AWS). Carries ids, never personal data. */
export interface DomainEvent {
  type:
    | 'task.assigned'
    | 'task.reminder'
    | 'task.overdue'
    | 'task.escalated'
    | 'cycle.phase-changed'
    | 'cycle.completed';
  at: string;
  detail: Record<string, unknown>;
}

/** Delivers messages and publishes events: SNS and EventBridge on AWS, the outbox offline. */
export interface Notifier {
  deliver(message: OutboundMessage): Promise<void>;
  publish(event: DomainEvent): Promise<void>;
}

/** Paging options. */
export interface ListOptions {
  limit?: number;
  cursor?: string;
}

/** Thrown by a workflow engine when a task token is no longer waited on (timed out, or the execution ended). */
export class TaskTokenGoneError extends Error {
  constructor(reason: string) {
    super(`Task token is no longer valid: ${reason}`);
    this.name = 'TaskTokenGoneError';
  }
}

/** The workflow engine: Step Functions on AWS, the local ASL interpreter offline. */
export interface WorkflowEngine {
  /** Starts an execution by name; starting an existing name with the same input returns it. */
  start(templateId: string, name: string, input: Record<string, unknown>): Promise<{ executionId: string }>;
  sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<void>;
  sendTaskFailure(taskToken: string, error: string, cause: string): Promise<void>;
  stop(executionId: string, cause: string): Promise<void>;
  describe(
    executionId: string,
  ): Promise<{ status: string; startedAt?: string; stoppedAt?: string } | undefined>;
}

/** Everything a use case may reach. Wired once per runtime. */
export interface Dependencies {
  store: Store;
  engine: WorkflowEngine;
  clock: Clock;
  notifier: Notifier;
  /** The templates this runtime knows, by id. */
  templates: (templateId: string) => CycleTemplate | undefined;
  /** The longest a task timer may run on this runtime, in seconds (a deadline beyond it waits again). */
  maxTimerSeconds: number;
}
