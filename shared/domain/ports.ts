import type { Clock } from './clock.ts';
import type { AuditEvent } from './model/audit-event.ts';
import type { Cycle, CycleStatus } from './model/cycle.ts';
import type { Membership } from './model/membership.ts';
import type { Message } from './model/message.ts';
import type { Municipality } from './model/municipality.ts';
import type { NotificationRecord } from './model/notification-record.ts';
import type { PhaseRun } from './model/phase-run.ts';
import type { Session, SignInCode } from './model/sign-in.ts';
import type { InboxOwner, Task } from './model/task.ts';
import type { CycleTemplate } from './model/template.ts';
import type { ChannelType, User } from './model/user.ts';

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

/** Which phase run: a phase of a cycle, in a revision. */
export type PhaseRunKey = Pick<PhaseRun, 'cycleId' | 'phase' | 'revision'>;

/** Cycles and their phase runs. */
export interface CycleRepository {
  /** Creates the cycle unless one with this id exists; returns the stored one either way. */
  create(cycle: Cycle): Promise<{ cycle: Cycle; created: boolean }>;
  get(cycleId: string): Promise<Cycle | undefined>;
  /** The cycle with its phase runs, tasks and audit trail. */
  record(cycleId: string): Promise<CycleRecord | undefined>;
  /**
   * A cycle's phase runs and tasks without its audit trail or notifications: what its progress is read from,
   * bounded by its template (phases × revisions × tasks), however long the cycle's history grows.
   */
  phasesAndTasks(cycleId: string): Promise<Pick<CycleRecord, 'phases' | 'tasks'>>;
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
  /** Records a phase run once; a repeat returns the first record (`created`: this call recorded it). */
  startPhase(run: PhaseRun): Promise<{ run: PhaseRun; created: boolean }>;
  /**
   * Sets a phase run's end once, in one write (a run never started is recorded as starting then); a repeat
   * returns the first end.
   */
  endPhase(run: PhaseRunKey, endedAt: string): Promise<PhaseRun>;
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
  /** Every event a person did, or that was done on their behalf (their data export). */
  listByActor(userId: string): Promise<AuditEvent[]>;
  /** Replaces a person's name in every event that names them (erasure; the record keeps their actions). */
  pseudonymize(userId: string, pseudonym: string): Promise<number>;
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
  /** The municipalities of some countries, by id; one cursor pages across them. */
  listByCountries(countries: readonly string[], query: PageRequest): Promise<Page<Municipality>>;
}

/** People, the addresses that identify them, and their memberships. */
export interface UserRepository {
  /** Creates a person unless one with the id exists. */
  create(user: User): Promise<{ user: User; created: boolean }>;
  get(userId: string): Promise<User | undefined>;
  /** Applies `changes` if the person is still at their version; throws ConcurrentUpdateError otherwise. */
  update(user: User, changes: Partial<User>): Promise<User>;
  /** The person an address belongs to. */
  findByAddress(type: ChannelType, address: string): Promise<User | undefined>;
  /** Reserves an address for a person; false when it belongs to someone else. */
  claimAddress(type: ChannelType, address: string, userId: string): Promise<boolean>;
  /** Frees an address a person no longer has. */
  releaseAddress(type: ChannelType, address: string, userId: string): Promise<void>;
  /** The person whose personal calendar URL has this token hash. */
  findByCalendarToken(tokenHash: string): Promise<User | undefined>;
  /** Points a calendar token hash at a person (and forgets the one it replaces). */
  setCalendarToken(userId: string, tokenHash: string, previousHash?: string): Promise<void>;
  memberships(userId: string): Promise<Membership[]>;
  getMembership(userId: string, membershipId: string): Promise<Membership | undefined>;
  /** Adds a membership once (its id is deterministic for the same person, role and scope). */
  addMembership(membership: Membership): Promise<{ membership: Membership; created: boolean }>;
  removeMembership(membership: Membership): Promise<void>;
  /** The staff and CAG members of a municipality. */
  membersOf(municipalityId: string): Promise<Membership[]>;
  /** The coordinators of a country. */
  coordinatorsOf(country: string): Promise<Membership[]>;
}

/** One-time codes, sessions and rate limits of the local sign-in. */
export interface SignInRepository {
  /** Stores the code for an address, replacing an earlier one. */
  putCode(code: SignInCode): Promise<void>;
  getCode(addressKey: string): Promise<SignInCode | undefined>;
  /** Counts a wrong try, if the code is still the one read; the updated code, or undefined if it changed. */
  recordFailedAttempt(code: SignInCode): Promise<SignInCode | undefined>;
  /** Uses a code up; true for the one caller that did. */
  consumeCode(code: SignInCode): Promise<boolean>;
  createSession(session: Session): Promise<void>;
  getSession(sessionId: string): Promise<Session | undefined>;
  /** Applies `changes` if the session is still at its version; throws ConcurrentUpdateError otherwise. */
  updateSession(session: Session, changes: Partial<Session>): Promise<Session>;
  /** Counts a hit against a limit per window; whether it is allowed, and when to try again if not. */
  hit(
    key: string,
    limit: number,
    windowSeconds: number,
    now: Date,
  ): Promise<{ allowed: boolean; retryAfterSeconds: number }>;
}

/** Messages to people, stored before they are sent, and short links into the web app. */
export interface MessageRepository {
  /** Stores a message once (its id is deterministic); a repeat keeps the first. */
  put(message: Message): Promise<{ message: Message; created: boolean }>;
  /** Messages whose time has come: pending ones past `sendAfter`, and deliveries not confirmed in their lease. */
  listDue(until: string, query: PageRequest): Promise<Page<Message>>;
  /** Claims a pending message (or one whose delivery lease ran out) into a delivery; false if another has it. */
  claim(message: Message, deliveryId: string, leaseUntil: string, now: string): Promise<boolean>;
  /**
   * Marks a claimed message sent, once; or UNDELIVERABLE when the transport refused it for good (still in the
   * person's list, never sent again).
   */
  markSent(
    message: Message,
    deliveryId: string,
    sentAt: string,
    outcome?: 'SENT' | 'UNDELIVERABLE',
  ): Promise<void>;
  /** A person's messages, newest first. */
  listForUser(userId: string, query: PageRequest): Promise<Page<Message>>;
  /** Notifications nobody could receive, of some countries, newest first. */
  listUndeliverable(countries: readonly string[], query: PageRequest): Promise<Page<Message>>;
  /** Removes every message of a person (erasure). */
  eraseForUser(userId: string): Promise<number>;
  /** A short link code for a task (for SMS), stored once. */
  putLink(code: string, taskId: string): Promise<void>;
  resolveLink(code: string): Promise<string | undefined>;
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
  recipient: {
    role?: 'municipality' | 'cag' | 'coordinator';
    address: string;
    locale: string;
    userId?: string;
  };
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

/**
 * Thrown by a notifier when the transport refuses a message for good (an invalid or opted-out number, an email
 * rejected): sending it again cannot help, so the dispatch marks it UNDELIVERABLE. Any other error is transient
 * and the message is sent again when its delivery lease runs out. `reason` is a code, never an address.
 */
export class DeliveryRefusedError extends Error {
  constructor(readonly reason: string) {
    super(`The transport refused the message for good: ${reason}`);
    this.name = 'DeliveryRefusedError';
  }
}

/** Delivers messages and publishes events: SNS SMS, SES email and EventBridge on AWS, the outbox offline. */
export interface Notifier {
  /** Sends one message to its person; throws DeliveryRefusedError when it can never be sent. */
  deliver(message: OutboundMessage): Promise<void>;
  publish(event: DomainEvent): Promise<void>;
  /** Removes addresses from whatever copies of sent messages the transport keeps (erasure). */
  forget?(addresses: string[]): Promise<void>;
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

/** An execution the engine started, and the published version of the template's workflow it runs. */
export interface ExecutionStarted {
  executionId: string;
  /** The state machine version (on AWS its version ARN): a chain continues on it, not on whatever is live. */
  version: string;
  /** When it started (planning time offline). */
  startedAt: string;
}

/** The workflow engine: Step Functions on AWS, the local ASL interpreter offline. */
export interface WorkflowEngine {
  /**
   * Starts an execution of a template's live workflow under a deterministic key (the adapter derives a valid
   * execution name from it); starting the same key with the same input returns the running execution.
   */
  start(templateId: string, key: string, input: ExecutionStart): Promise<ExecutionStarted>;
  /**
   * Starts a fresh execution on the given version (the one the cycle started on; the live one when unknown), so
   * a cycle keeps its definition across a chain and after a deploy. Idempotent per key like `start`.
   */
  continueOn(
    templateId: string,
    version: string | undefined,
    key: string,
    input: ExecutionStart,
  ): Promise<ExecutionStarted>;
  sendTaskSuccess(taskToken: string, output: Record<string, unknown>): Promise<void>;
  stop(executionId: string, cause: string): Promise<void>;
  /** The longest a single task wait may run on this engine, in seconds (a longer deadline waits again). */
  readonly maxWaitSeconds: number;
}

/**
 * The templates a runtime knows, every version a running cycle may still use: a cycle keeps the version it
 * started with, and so does its workflow.
 */
export interface TemplateCatalog {
  /** A template by id: the given version, or the newest when no version is given. */
  get(templateId: string, version?: number): CycleTemplate | undefined;
  /** The newest version of every template, for people choosing one. */
  list(): readonly CycleTemplate[];
}

/** What a deployment is configured with. */
export interface Settings {
  /** The countries this deployment (region) serves: ISO-3166 alpha-2 codes. */
  readonly countries: readonly string[];
  /** Where people open the web app: links in messages point here (known once the local server listens). */
  publicUrl: string;
}

/** An address a person signs in with (and is reached at). */
export interface SignInAddress {
  type: ChannelType;
  address: string;
}

/**
 * Where people sign in, when that is not the store itself: the Cognito user pool on AWS, a memory directory
 * locally. The person's user id is the `sub` of their tokens, so the directory gives the id of a new person.
 * The store stays the authority on who holds an address (its conditional claims); the directory follows it.
 */
export interface UserDirectory {
  /**
   * True when the directory sends sign-in codes itself (Cognito, at each sign-in): an invitation then carries no
   * code of ours. False where the engine's own sign-in (`/auth/*`) sends them.
   */
  readonly sendsSignInCodes: boolean;
  /**
   * Registers a person by the address they sign in with; the id their tokens carry as `sub`. Registering the same
   * address again gives the same id (`created: false`).
   */
  register(address: SignInAddress): Promise<{ userId: string; created: boolean }>;
  /** Lets this address sign the person in, replacing their address of that type (whoever adds it vouches for it). */
  setAddress(userId: string, address: SignInAddress): Promise<void>;
  /** Stops the person's address of this type signing them in. */
  removeAddress(userId: string, type: ChannelType): Promise<void>;
  /** Ends every session of the person: refresh tokens are revoked; access tokens run out within their minutes. */
  signOutEverywhere(userId: string): Promise<void>;
  /** Removes the person and their addresses (erasure); nothing when they are already gone. */
  remove(userId: string): Promise<void>;
}

/** Issues access tokens for a person's membership (the local sign-in; Cognito does it on AWS). */
export interface TokenIssuer {
  issue(claims: Record<string, string>, ttlSeconds: number): Promise<string>;
}

/** Every port, wired once per runtime; a use case asks only for the ones it uses. */
export interface Ports {
  settings: Settings;
  users: UserRepository;
  signIn: SignInRepository;
  messages: MessageRepository;
  tokens: TokenIssuer;
  cycles: CycleRepository;
  tasks: TaskRepository;
  audit: AuditLog;
  municipalities: MunicipalityRepository;
  notifications: NotificationRepository;
  engine: WorkflowEngine;
  notifier: Notifier;
  clock: Clock;
  templates: TemplateCatalog;
  /**
   * Where people sign in (Cognito on AWS), for the functions that create, change or erase people. Absent where
   * nothing but the store knows people: a new person then gets a local id.
   */
  directory?: UserDirectory;
}

/** The store half of the ports: what one storage adapter provides. */
export type StorePorts = Pick<
  Ports,
  'cycles' | 'tasks' | 'audit' | 'municipalities' | 'notifications' | 'users' | 'signIn' | 'messages'
>;
