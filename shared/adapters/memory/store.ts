import * as z from 'zod';
import { ConcurrentUpdateError, InvalidInputError } from '#shared/domain/errors.ts';
import { AuditEvent, peopleOf, withPseudonym } from '#shared/domain/model/audit-event.ts';
import { Cycle, type CycleStatus } from '#shared/domain/model/cycle.ts';
import { Membership } from '#shared/domain/model/membership.ts';
import { Message } from '#shared/domain/model/message.ts';
import { Municipality } from '#shared/domain/model/municipality.ts';
import { NotificationRecord } from '#shared/domain/model/notification-record.ts';
import { PhaseRun } from '#shared/domain/model/phase-run.ts';
import { Session, SignInCode } from '#shared/domain/model/sign-in.ts';
import { type InboxOwner, inboxOf, Task } from '#shared/domain/model/task.ts';
import { addressKey, type ChannelType, User } from '#shared/domain/model/user.ts';
import type {
  AuditLog,
  CycleRecord,
  CycleRepository,
  LiveSlot,
  MessageRepository,
  MunicipalityRepository,
  NotificationRepository,
  OpenTaskFilter,
  Page,
  PageRequest,
  PhaseRunKey,
  SignInRepository,
  StorePorts,
  TaskRepository,
  UserRepository,
} from '#shared/domain/ports.ts';

/**
 * The store in memory: the same conditional writes, orderings, sparse listings and paging as the DynamoDB
 * adapter (the store contract suite holds both to it), for fast domain tests. Items are copied in and out as
 * plain data and parsed with their schemas on the way out, as the DynamoDB adapter does.
 */

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** A sorted listing: the sort key of each item, compared as DynamoDB compares strings. */
function page<T>(
  items: T[],
  sortKey: (item: T) => string,
  query: PageRequest,
  options: { descending?: boolean; filter?: (item: T) => boolean; after?: (key: string) => boolean } = {},
): { items: T[]; nextCursor?: string } {
  const sorted = items
    .map((item) => ({ item, key: sortKey(item) }))
    .filter(({ key }) => options.after?.(key) ?? true)
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  if (options.descending) sorted.reverse();
  let start = 0;
  if (query.cursor !== undefined) {
    const position = decodeCursor(query.cursor);
    start = sorted.findIndex(({ key }) => (options.descending ? key < position : key > position));
    if (start < 0) start = sorted.length;
  }
  // Like DynamoDB, the limit counts items evaluated before any filter, and a full page always has a cursor.
  const evaluated = sorted.slice(start, start + query.limit);
  const last = evaluated.at(-1);
  return {
    items: evaluated.filter(({ item }) => options.filter?.(item) ?? true).map(({ item }) => item),
    ...(evaluated.length === query.limit && last ? { nextCursor: encodeCursor(last.key) } : {}),
  };
}

const CursorPosition = z.strictObject({ after: z.string().min(1).max(500) });
const encodeCursor = (key: string) => Buffer.from(JSON.stringify({ after: key })).toString('base64url');
function decodeCursor(cursor: string): string {
  try {
    return CursorPosition.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))).after;
  } catch {
    throw new InvalidInputError('The paging cursor is not one this API issued', [
      { path: 'cursor', message: 'must be a nextCursor from an earlier page' },
    ]);
  }
}

const sameOwner = (a: InboxOwner, b: InboxOwner) =>
  a.role === b.role &&
  (a.role === 'coordinator'
    ? a.country === (b as { country: string }).country
    : a.municipalityId === (b as { municipalityId: string }).municipalityId);

/** The in-memory store's data, shared by its repositories. */
class Memory {
  readonly cycles = new Map<string, Cycle>();
  readonly phases = new Map<string, PhaseRun>();
  readonly tasks = new Map<string, Task>();
  readonly audit = new Map<string, AuditEvent>();
  readonly municipalities = new Map<string, Municipality>();
  readonly notifications = new Map<string, NotificationRecord>();
  readonly liveSlots = new Map<string, string>();
  readonly users = new Map<string, User>();
  readonly addresses = new Map<string, string>();
  readonly calendarTokens = new Map<string, string>();
  readonly memberships = new Map<string, Membership>();
  readonly codes = new Map<string, SignInCode>();
  readonly sessions = new Map<string, Session>();
  readonly rates = new Map<string, number>();
  readonly messages = new Map<string, Message>();
  readonly links = new Map<string, string>();
}

class MemoryCycles implements CycleRepository {
  constructor(private readonly data: Memory) {}

  async create(cycle: Cycle) {
    const existing = this.data.cycles.get(cycle.cycleId);
    if (existing) return { cycle: Cycle.parse(copy(existing)), created: false };
    this.data.cycles.set(cycle.cycleId, copy(cycle));
    return { cycle: Cycle.parse(copy(cycle)), created: true };
  }

  async get(cycleId: string) {
    const cycle = this.data.cycles.get(cycleId);
    return cycle ? Cycle.parse(copy(cycle)) : undefined;
  }

  async record(cycleId: string): Promise<CycleRecord | undefined> {
    const cycle = await this.get(cycleId);
    if (!cycle) return undefined;
    const inCycle = <T extends { cycleId: string }>(items: Iterable<T>) =>
      [...items].filter((item) => item.cycleId === cycleId).map((item) => copy(item));
    return {
      cycle,
      phases: inCycle(this.data.phases.values())
        .map((run) => PhaseRun.parse(run))
        .sort((a, b) => a.startedAt.localeCompare(b.startedAt)),
      tasks: inCycle(this.data.tasks.values())
        .map((task) => Task.parse(task))
        .sort((a, b) => a.openedAt.localeCompare(b.openedAt)),
      audit: [...this.data.audit.entries()]
        .filter(([, event]) => event.cycleId === cycleId)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([, event]) => AuditEvent.parse(copy(event))),
    };
  }

  async phasesAndTasks(cycleId: string) {
    const inCycle = <T extends { cycleId: string }>(items: Iterable<T>) =>
      [...items].filter((item) => item.cycleId === cycleId).map((item) => copy(item));
    return {
      phases: inCycle(this.data.phases.values())
        .map((run) => PhaseRun.parse(run))
        .sort((a, b) => a.startedAt.localeCompare(b.startedAt)),
      tasks: inCycle(this.data.tasks.values())
        .map((task) => Task.parse(task))
        .sort((a, b) => a.openedAt.localeCompare(b.openedAt)),
    };
  }

  async update(cycle: Cycle, changes: Partial<Cycle>) {
    const stored = this.data.cycles.get(cycle.cycleId);
    if (!stored || stored.version !== cycle.version)
      throw new ConcurrentUpdateError(`cycle ${cycle.cycleId}`);
    const next: Cycle = { ...cycle, ...changes, version: cycle.version + 1 };
    this.data.cycles.set(cycle.cycleId, copy(next));
    return Cycle.parse(copy(next));
  }

  async listByMunicipality(municipalityId: string, query: PageRequest & { status?: CycleStatus }) {
    const result = page(
      [...this.data.cycles.values()].filter((cycle) => cycle.municipalityId === municipalityId),
      (cycle) => `${cycle.startedAt}#${cycle.cycleId}`,
      query,
      { descending: true, filter: (cycle) => !query.status || cycle.status === query.status },
    );
    return { ...result, items: result.items.map((cycle) => Cycle.parse(copy(cycle))) } as Page<Cycle>;
  }

  async listByCountries(countries: readonly string[], query: PageRequest & { status?: CycleStatus }) {
    const result = page(
      [...this.data.cycles.values()].filter(
        (cycle) => countries.includes(cycle.country) && (!query.status || cycle.status === query.status),
      ),
      (cycle) => `${cycle.status}#${cycle.startedAt}#${cycle.cycleId}`,
      query,
    );
    return { ...result, items: result.items.map((cycle) => Cycle.parse(copy(cycle))) } as Page<Cycle>;
  }

  async claimLiveSlot(slot: LiveSlot, cycleId: string, from?: string) {
    const key = `${slot.municipalityId}#${slot.templateId}`;
    const holder = this.data.liveSlots.get(key);
    if (holder === undefined || holder === cycleId || (from !== undefined && holder === from)) {
      this.data.liveSlots.set(key, cycleId);
      return { claimed: true };
    }
    return { claimed: false, holder };
  }

  async releaseLiveSlot(slot: LiveSlot, cycleId: string) {
    const key = `${slot.municipalityId}#${slot.templateId}`;
    if (this.data.liveSlots.get(key) === cycleId) this.data.liveSlots.delete(key);
  }

  async startPhase(run: PhaseRun) {
    const key = `${run.cycleId}#${run.phase}#r${run.revision}`;
    const existing = this.data.phases.get(key);
    if (existing) return { run: PhaseRun.parse(copy(existing)), created: false };
    this.data.phases.set(key, copy(run));
    return { run: PhaseRun.parse(copy(run)), created: true };
  }

  async endPhase(run: PhaseRunKey, endedAt: string) {
    const key = `${run.cycleId}#${run.phase}#r${run.revision}`;
    const existing = this.data.phases.get(key);
    if (existing?.endedAt) return PhaseRun.parse(copy(existing));
    const ended: PhaseRun = {
      cycleId: run.cycleId,
      phase: run.phase,
      revision: run.revision,
      startedAt: existing?.startedAt ?? endedAt,
      endedAt,
    };
    this.data.phases.set(key, copy(ended));
    return PhaseRun.parse(copy(ended));
  }
}

class MemoryTasks implements TaskRepository {
  constructor(private readonly data: Memory) {}

  async create(task: Task) {
    const existing = this.data.tasks.get(task.taskId);
    if (existing) return { task: Task.parse(copy(existing)), created: false };
    this.data.tasks.set(task.taskId, copy(task));
    return { task: Task.parse(copy(task)), created: true };
  }

  async get(taskId: string) {
    const task = this.data.tasks.get(taskId);
    return task ? Task.parse(copy(task)) : undefined;
  }

  async update(task: Task, changes: Partial<Task>, options: { allowClosed?: boolean } = {}) {
    const stored = this.data.tasks.get(task.taskId);
    if (!stored || stored.version !== task.version || (!options.allowClosed && stored.status !== 'OPEN'))
      throw new ConcurrentUpdateError(`task ${task.taskId}`);
    const next: Task = { ...task, ...changes, version: task.version + 1 };
    this.data.tasks.set(task.taskId, copy(next));
    return Task.parse(copy(next));
  }

  async listOpen(owner: InboxOwner, query: PageRequest & { dueBefore?: string }) {
    const result = page(
      [...this.data.tasks.values()].filter(
        (task) => task.status === 'OPEN' && sameOwner(inboxOf(task), owner),
      ),
      (task) => `${task.dueAt}#${task.taskId}`,
      query,
      { after: (key) => !query.dueBefore || key < query.dueBefore },
    );
    return { ...result, items: result.items.map((task) => Task.parse(copy(task))) } as Page<Task>;
  }

  async listOpenInCountries(countries: readonly string[], query: PageRequest & OpenTaskFilter) {
    const result = page(
      [...this.data.tasks.values()].filter(
        (task) => task.status === 'OPEN' && countries.includes(task.country),
      ),
      (task) => `${task.dueAt}#${task.taskId}`,
      query,
      {
        after: (key) => !query.dueBefore || key < query.dueBefore,
        filter: (task) =>
          (!query.municipalityId || task.municipalityId === query.municipalityId) &&
          (!query.assignee || task.assignee === query.assignee) &&
          (!query.phase || task.phase === query.phase),
      },
    );
    return { ...result, items: result.items.map((task) => Task.parse(copy(task))) } as Page<Task>;
  }

  async listDueForSweep(until: string, query: PageRequest) {
    const result = page(
      [...this.data.tasks.values()].filter((task) => task.status === 'OPEN' && task.nextNotificationAt),
      (task) => `${task.nextNotificationAt}#${task.taskId}`,
      query,
      { after: (key) => key <= `${until}#~` },
    );
    return { ...result, items: result.items.map((task) => Task.parse(copy(task))) } as Page<Task>;
  }
}

class MemoryAudit implements AuditLog {
  constructor(private readonly data: Memory) {}

  async append(event: AuditEvent) {
    const key = `${event.cycleId}#${event.at}#${event.eventId}`;
    if (!this.data.audit.has(key)) this.data.audit.set(key, copy(event));
  }

  async listByActor(userId: string) {
    return [...this.data.audit.values()]
      .filter((event) => peopleOf(event).includes(userId))
      .sort((a, b) => (`${a.at}#${a.cycleId}#${a.eventId}` < `${b.at}#${b.cycleId}#${b.eventId}` ? -1 : 1))
      .map((event) => AuditEvent.parse(copy(event)));
  }

  async pseudonymize(userId: string, pseudonym: string) {
    let count = 0;
    for (const [key, event] of this.data.audit) {
      if (!peopleOf(event).includes(userId)) continue;
      this.data.audit.set(key, withPseudonym(AuditEvent.parse(copy(event)), userId, pseudonym));
      count += 1;
    }
    return count;
  }
}

class MemoryMunicipalities implements MunicipalityRepository {
  constructor(private readonly data: Memory) {}

  async create(municipality: Municipality) {
    const existing = this.data.municipalities.get(municipality.municipalityId);
    if (existing) return { municipality: Municipality.parse(copy(existing)), created: false };
    this.data.municipalities.set(municipality.municipalityId, copy(municipality));
    return { municipality: Municipality.parse(copy(municipality)), created: true };
  }

  async update(municipality: Municipality, changes: Partial<Municipality>) {
    const stored = this.data.municipalities.get(municipality.municipalityId);
    if (!stored || stored.version !== municipality.version)
      throw new ConcurrentUpdateError(`municipality ${municipality.municipalityId}`);
    const next: Municipality = { ...municipality, ...changes, version: municipality.version + 1 };
    this.data.municipalities.set(municipality.municipalityId, copy(next));
    return Municipality.parse(copy(next));
  }

  async get(municipalityId: string) {
    const municipality = this.data.municipalities.get(municipalityId);
    return municipality ? Municipality.parse(copy(municipality)) : undefined;
  }

  async listByCountries(countries: readonly string[], query: PageRequest) {
    const result = page(
      [...this.data.municipalities.values()].filter((municipality) =>
        countries.includes(municipality.country),
      ),
      (municipality) => municipality.municipalityId,
      query,
    );
    return {
      ...result,
      items: result.items.map((municipality) => Municipality.parse(copy(municipality))),
    } as Page<Municipality>;
  }

  async eraseContacts(municipalityId: string) {
    const municipality = this.data.municipalities.get(municipalityId);
    if (municipality) {
      this.data.municipalities.set(municipalityId, {
        ...municipality,
        contacts: { municipality: [], cag: [], coordinator: [] },
        version: municipality.version + 1,
      });
    }
  }
}

class MemoryUsers implements UserRepository {
  constructor(private readonly data: Memory) {}

  async create(user: User) {
    const existing = this.data.users.get(user.userId);
    if (existing) return { user: User.parse(copy(existing)), created: false };
    this.data.users.set(user.userId, copy(user));
    return { user: User.parse(copy(user)), created: true };
  }

  async get(userId: string) {
    const user = this.data.users.get(userId);
    return user ? User.parse(copy(user)) : undefined;
  }

  async update(user: User, changes: Partial<User>) {
    const stored = this.data.users.get(user.userId);
    if (!stored || stored.version !== user.version) throw new ConcurrentUpdateError(`user ${user.userId}`);
    const next: User = { ...user, ...changes, version: user.version + 1 };
    this.data.users.set(user.userId, copy(next));
    return User.parse(copy(next));
  }

  async findByAddress(type: ChannelType, address: string) {
    const userId = this.data.addresses.get(addressKey(type, address));
    return userId ? this.get(userId) : undefined;
  }

  async claimAddress(type: ChannelType, address: string, userId: string) {
    const key = addressKey(type, address);
    const holder = this.data.addresses.get(key);
    if (holder !== undefined && holder !== userId) return false;
    this.data.addresses.set(key, userId);
    return true;
  }

  async releaseAddress(type: ChannelType, address: string, userId: string) {
    const key = addressKey(type, address);
    if (this.data.addresses.get(key) === userId) this.data.addresses.delete(key);
  }

  async findByCalendarToken(tokenHash: string) {
    const userId = this.data.calendarTokens.get(tokenHash);
    return userId ? this.get(userId) : undefined;
  }

  async setCalendarToken(userId: string, tokenHash: string, previousHash?: string) {
    const holder = this.data.calendarTokens.get(tokenHash);
    if (holder === undefined || holder === userId) this.data.calendarTokens.set(tokenHash, userId);
    if (previousHash && this.data.calendarTokens.get(previousHash) === userId)
      this.data.calendarTokens.delete(previousHash);
  }

  private all() {
    return [...this.data.memberships.values()].map((membership) => Membership.parse(copy(membership)));
  }

  async memberships(userId: string) {
    return this.all()
      .filter((membership) => membership.userId === userId)
      .sort((a, b) => (a.membershipId < b.membershipId ? -1 : 1));
  }

  async getMembership(userId: string, membershipId: string) {
    const membership = this.data.memberships.get(`${userId}#${membershipId}`);
    return membership ? Membership.parse(copy(membership)) : undefined;
  }

  async addMembership(membership: Membership) {
    const key = `${membership.userId}#${membership.membershipId}`;
    const existing = this.data.memberships.get(key);
    if (existing) return { membership: Membership.parse(copy(existing)), created: false };
    this.data.memberships.set(key, copy(membership));
    return { membership: Membership.parse(copy(membership)), created: true };
  }

  async removeMembership(membership: Membership) {
    this.data.memberships.delete(`${membership.userId}#${membership.membershipId}`);
  }

  async membersOf(municipalityId: string) {
    return this.all().filter(
      (membership) => membership.role !== 'coordinator' && membership.municipalityId === municipalityId,
    );
  }

  async coordinatorsOf(country: string) {
    return this.all().filter(
      (membership) => membership.role === 'coordinator' && membership.countries.includes(country),
    );
  }
}

class MemorySignIn implements SignInRepository {
  constructor(private readonly data: Memory) {}

  async putCode(code: SignInCode) {
    this.data.codes.set(code.addressKey, copy(code));
  }

  async getCode(addressKey: string) {
    const code = this.data.codes.get(addressKey);
    return code ? SignInCode.parse(copy(code)) : undefined;
  }

  async recordFailedAttempt(code: SignInCode) {
    const stored = this.data.codes.get(code.addressKey);
    if (!stored || stored.codeHash !== code.codeHash || stored.attempts !== code.attempts) return undefined;
    const next = { ...stored, attempts: stored.attempts + 1 };
    this.data.codes.set(code.addressKey, next);
    return SignInCode.parse(copy(next));
  }

  async consumeCode(code: SignInCode) {
    const stored = this.data.codes.get(code.addressKey);
    if (!stored || stored.codeHash !== code.codeHash) return false;
    this.data.codes.delete(code.addressKey);
    return true;
  }

  async createSession(session: Session) {
    if (this.data.sessions.has(session.sessionId))
      throw new ConcurrentUpdateError(`session ${session.sessionId}`);
    this.data.sessions.set(session.sessionId, copy(session));
  }

  async getSession(sessionId: string) {
    const session = this.data.sessions.get(sessionId);
    return session ? Session.parse(copy(session)) : undefined;
  }

  async updateSession(session: Session, changes: Partial<Session>) {
    const stored = this.data.sessions.get(session.sessionId);
    if (!stored || stored.version !== session.version)
      throw new ConcurrentUpdateError(`session ${session.sessionId}`);
    const next = { ...session, ...changes, version: session.version + 1 };
    this.data.sessions.set(session.sessionId, copy(next));
    return Session.parse(copy(next));
  }

  async hit(key: string, limit: number, windowSeconds: number, now: Date) {
    const window = Math.floor(now.getTime() / 1000 / windowSeconds);
    const retryAfterSeconds = (window + 1) * windowSeconds - Math.floor(now.getTime() / 1000);
    const counter = `${key}#${window}`;
    const hits = this.data.rates.get(counter) ?? 0;
    if (hits >= limit) return { allowed: false, retryAfterSeconds };
    this.data.rates.set(counter, hits + 1);
    return { allowed: true, retryAfterSeconds: 0 };
  }
}

class MemoryMessages implements MessageRepository {
  constructor(private readonly data: Memory) {}

  async put(message: Message) {
    const existing = this.data.messages.get(message.messageId);
    if (existing) return { message: Message.parse(copy(existing)), created: false };
    this.data.messages.set(message.messageId, copy(message));
    return { message: Message.parse(copy(message)), created: true };
  }

  async listDue(until: string, query: PageRequest) {
    const readyAt = (message: Message) =>
      message.status === 'PENDING'
        ? message.sendAfter
        : message.status === 'SENDING'
          ? message.leaseUntil
          : undefined;
    const due = [...this.data.messages.values()]
      .filter((message) => (readyAt(message) ?? '~') <= until)
      .sort((a, b) => (`${readyAt(a)}#${a.messageId}` < `${readyAt(b)}#${b.messageId}` ? -1 : 1))
      .slice(0, query.limit);
    return { items: due.map((message) => Message.parse(copy(message))) };
  }

  async claim(message: Message, deliveryId: string, leaseUntil: string, now: string) {
    const stored = this.data.messages.get(message.messageId);
    const free =
      stored?.status === 'PENDING' || (stored?.status === 'SENDING' && (stored.leaseUntil ?? '') < now);
    if (!stored || !free) return false;
    this.data.messages.set(message.messageId, { ...stored, status: 'SENDING', deliveryId, leaseUntil });
    return true;
  }

  async markSent(
    message: Message,
    deliveryId: string,
    sentAt: string,
    outcome: 'SENT' | 'UNDELIVERABLE' = 'SENT',
  ) {
    const stored = this.data.messages.get(message.messageId);
    if (stored?.status !== 'SENDING' || stored.deliveryId !== deliveryId) return;
    const { leaseUntil: _lease, ...rest } = stored;
    this.data.messages.set(message.messageId, { ...rest, status: outcome, deliveryId, sentAt });
  }

  private ofOwner(matches: (message: Message) => boolean, query: PageRequest) {
    const result = page(
      [...this.data.messages.values()].filter(matches),
      (message) => `MSG#${message.createdAt}#${message.messageId}`,
      query,
      { descending: true },
    );
    return { ...result, items: result.items.map((message) => Message.parse(copy(message))) } as Page<Message>;
  }

  async listForUser(userId: string, query: PageRequest) {
    return this.ofOwner((message) => message.userId === userId, query);
  }

  async listUndeliverable(countries: readonly string[], query: PageRequest) {
    return this.ofOwner((message) => !message.userId && countries.includes(message.country), query);
  }

  async eraseForUser(userId: string) {
    let erased = 0;
    for (const [id, message] of this.data.messages) {
      if (message.userId === userId) {
        this.data.messages.delete(id);
        erased += 1;
      }
    }
    return erased;
  }

  async putLink(code: string, taskId: string) {
    if (!this.data.links.has(code)) this.data.links.set(code, taskId);
  }

  async resolveLink(code: string) {
    return this.data.links.get(code);
  }
}

class MemoryNotifications implements NotificationRepository {
  constructor(private readonly data: Memory) {}

  private key(record: Pick<NotificationRecord, 'cycleId' | 'notificationId'>) {
    return `${record.cycleId}#${record.notificationId}`;
  }

  async record(record: NotificationRecord) {
    const existing = this.data.notifications.get(this.key(record));
    if (existing) return { record: NotificationRecord.parse(copy(existing)), created: false };
    this.data.notifications.set(this.key(record), copy(record));
    return { record: NotificationRecord.parse(copy(record)), created: true };
  }

  async claim(record: NotificationRecord, now: string, leaseUntil: string) {
    const stored = this.data.notifications.get(this.key(record));
    if (stored?.status !== 'PENDING' || !(stored.leaseUntil < now)) return undefined;
    const claimed = { ...record, leaseUntil };
    this.data.notifications.set(this.key(record), copy(claimed));
    return claimed;
  }

  async settle(
    record: NotificationRecord,
    changes: Pick<NotificationRecord, 'status'> & Partial<NotificationRecord>,
  ) {
    const stored = this.data.notifications.get(this.key(record));
    if (stored?.status !== 'PENDING') return;
    this.data.notifications.set(this.key(record), copy({ ...record, ...changes }));
  }

  async listByCycle(cycleId: string) {
    return [...this.data.notifications.entries()]
      .filter(([, record]) => record.cycleId === cycleId)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([, record]) => NotificationRecord.parse(copy(record)));
  }
}

/** A fresh, empty in-memory store. */
export function createMemoryStore(): StorePorts {
  const data = new Memory();
  return {
    cycles: new MemoryCycles(data),
    tasks: new MemoryTasks(data),
    audit: new MemoryAudit(data),
    municipalities: new MemoryMunicipalities(data),
    notifications: new MemoryNotifications(data),
    users: new MemoryUsers(data),
    signIn: new MemorySignIn(data),
    messages: new MemoryMessages(data),
  };
}
