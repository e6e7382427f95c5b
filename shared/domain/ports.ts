import type { Clock } from './clock.ts';
import type { AuditEvent } from './model/audit-event.ts';
import type { Cycle, CycleStatus } from './model/cycle.ts';
import type { Municipality } from './model/municipality.ts';
import type { NotificationRecord } from './model/notification-record.ts';
import type { PhaseRun } from './model/phase-run.ts';
import type { InboxOwner, Task } from './model/task.ts';
import type { CycleTemplate } from './model/template.ts';

/**
 * Ports: what the domain needs from the outside. Each repository is one aggregate's storage; the DynamoDB, and
 * the in-memory adapters implement all of them, and one contract suite holds them to the same behaviour.
 */

/** A page of results. `nextCursor` is opaque: only the adapter that issued it can read it. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/** Paging of a list: at most `limit` items, after the position a previous page's cursor names. */
export interface PageRequest {
  limit: number;
  cursor?: string;
}

/** A municipality's slot for live cycles of one template. */
export interface LiveSlot {
  municipalityId: string;
  templateId: string;
}

/** Narrows a portfolio of open tasks. */
export interface OpenTaskFilter {
  municipalityId?: string;
  assignee?: Task['assignee'];
  phase?: string;
  /** Only tasks due before this instant (overdue ones, with now). */
  dueBefore?: string;
}

/** Everything stored about one cycle, read in one query. */
export interface CycleRecord {
  cycle: Cycle;
  phases: PhaseRun[];
  tasks: Task[];
  audit: AuditEvent[];
}

/** Cycles and their phase runs. */
export interface CycleRepository {
  /** Creates the cycle unless one with this id exists; returns the stored one either way. */
  create(cycle: Cycle): Promise<{ cycle: Cycle; created: boolean }>;
  get(cycleId: string): Promise<Cycle | undefined>;
  /** The cycle with its phase runs, tasks and audit trail. */
  record(cycleId: string): Promise<CycleRecord | undefined>;
  /** Applies `changes` if the cycle is still at its version; throws ConcurrentUpdateError otherwise. */
  update(cycle: Cycle, changes: Partial<Cycle>): Promise<Cycle>;
  /** Cycles of a municipality, newest first. */
  listByMunicipality(
    municipalityId: string,
    query: PageRequest & { status?: CycleStatus },
  ): Promise<Page<Cycle>>;
  /** Cycles of one or more countries, by status and start; one cursor pages across all of them. */
  listByCountries(
    countries: readonly string[],
    query: PageRequest & { status?: CycleStatus },
  ): Promise<Page<Cycle>>;
  /**
   * Takes the municipality's one live slot for a template (one running cycle at a time), or takes it over from
   * `from` (the cycle a next cycle follows); false when another cycle holds it.
   */
  claimLiveSlot(
    slot: LiveSlot,
    cycleId: string,
    from?: string,
  ): Promise<{ claimed: boolean; holder?: string }>;
  /** Frees the slot if `cycleId` holds it (the cycle ended). */
  releaseLiveSlot(slot: LiveSlot, cycleId: string): Promise<void>;
  /** Records a phase run once; a repeat returns the first record. */
  startPhase(run: PhaseRun): Promise<PhaseRun>;
  /** Sets a phase run's end once; a repeat returns the first end. */
  endPhase(run: PhaseRun, endedAt: string): Promise<PhaseRun>;
}

/** Human tasks. */
export interface TaskRepository {
  /** Creates the task unless it exists; returns the stored one and whether it was created. */
  create(task: Task): Promise<{ task: Task; created: boolean }>;
  get(taskId: string): Promise<Task | undefined>;
  /** Applies `changes` if the task is still at its version (and OPEN unless `allowClosed`). */
  update(task: Task, changes: Partial<Task>, options?: { allowClosed?: boolean }): Promise<Task>;
  /** Open tasks of an inbox, earliest due first (only those due before `dueBefore` when given). */
  listOpen(owner: InboxOwner, query: PageRequest & { dueBefore?: string }): Promise<Page<Task>>;
  /**
   * Open tasks of every municipality of the countries, earliest due first, optionally narrowed: a coordinator's
   * portfolio. One cursor pages across the countries.
   */
  listOpenInCountries(countries: readonly string[], query: PageRequest & OpenTaskFilter): Promise<Page<Task>>;
  /** Open tasks whose next notification falls at or before `until` (the sweep's sparse index). */
  listDueForSweep(until: string, query: PageRequest): Promise<Page<Task>>;
}

/** The append-only audit trail of cycles. */
export interface AuditLog {
  /** Appends an event once (the id is deterministic, so a retry writes nothing new). */
  append(event: AuditEvent): Promise<void>;
}

/** Municipalities and their contacts. */
export interface MunicipalityRepository {
  /** Creates a municipality unless one with its id exists; returns the stored one either way. */
  create(municipality: Municipality): Promise<{ municipality: Municipality; created: boolean }>;
  /** Replaces a municipality if it is still at its version; throws ConcurrentUpdateError otherwise. */
  update(municipality: Municipality, changes: Partial<Municipality>): Promise<Municipality>;
  get(municipalityId: string): Promise<Municipality | undefined>;
  /** Erases the contacts (personal data) of a municipality. */
  eraseContacts(municipalityId: string): Promise<void>;
}

/** Notification records: what was sent for which moment of which task. */
export interface NotificationRepository {
  /** Records a notification once; a repeat returns the stored one. */
  record(record: NotificationRecord): Promise<{ record: NotificationRecord; created: boolean }>;
  /** Takes over a PENDING notification whose lease has run out; undefined when someone else holds it. */
  claim(record: NotificationRecord, now: string, leaseUntil: string): Promise<NotificationRecord | undefined>;
  /** Marks a claimed notification delivered (or withdrawn: its task closed before delivery). */
  settle(
    record: NotificationRecord,
    changes: Pick<NotificationRecord, 'status'> & Partial<NotificationRecord>,
  ): Promise<void>;
  listByCycle(cycleId: string): Promise<NotificationRecord[]>;
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

/** Thrown by a workflow engine when a task token is no longer waited on (timed out, or the execution ended). */
export class TaskTokenGoneError extends Error {
  constructor(reason: string) {
    super(`Task token is no longer valid: ${reason}`);
    this.name = 'TaskTokenGoneError';
  }
}

/** The input every execution of a cycle's workflow starts with. */
export interface ExecutionStart {
  cycleId: string;
  revision: { count: number };
  /** Resume at this phase instead of the first (a restart, a recovery). */
  resumeAt?: string;
}

/** The workflow engine: Step Functions on AWS, the local ASL interpreter offline. */
export interface WorkflowEngine {
  /**
   * Starts an execution of a template's workflow under a deterministic key (the adapter derives a valid
   * execution name from it); starting the same key with the same input returns the running execution.
   */
  start(templateId: string, key: string, input: ExecutionStart): Promise<{ executionId: string }>;
  sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<void>;
  stop(executionId: string, cause: string): Promise<void>;
  /** The longest a single task wait may run on this engine, in seconds (a longer deadline waits again). */
  readonly maxWaitSeconds: number;
}

/** The templates a runtime knows. */
export interface TemplateCatalog {
  get(templateId: string): CycleTemplate | undefined;
}

/** What a deployment is configured with. */
export interface Settings {
  /** The countries this deployment (region) serves: ISO-3166 alpha-2 codes. */
  countries: readonly string[];
}

/** Every port, wired once per runtime; a use case asks only for the ones it uses. */
export interface Ports {
  settings: Settings;
  cycles: CycleRepository;
  tasks: TaskRepository;
  audit: AuditLog;
  municipalities: MunicipalityRepository;
  notifications: NotificationRepository;
  engine: WorkflowEngine;
  notifier: Notifier;
  clock: Clock;
  templates: TemplateCatalog;
}

/** The store half of the ports: what one storage adapter provides. */
export type StorePorts = Pick<Ports, 'cycles' | 'tasks' | 'audit' | 'municipalities' | 'notifications'>;
