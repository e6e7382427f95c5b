import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { cycleIdOfTask } from '#shared/domain/deadlines.ts';
import {
  AuditEvent,
  Contact,
  Cycle,
  type CycleStatus,
  Municipality,
  NotificationRecord,
  PhaseRun,
  Task,
} from '#shared/domain/entities.ts';
import { ConcurrentUpdateError, fieldIssues, MalformedItemError } from '#shared/domain/errors.ts';
import type { CapacityMeter, CycleRecord, ListOptions, Page, Store } from '#shared/domain/ports.ts';

/**
 * The Store port on one DynamoDB table (AWS, or dynalite locally). Every write is a single-item conditional
 * write, safe to repeat; every item read back is parsed with its entity schema.
 */

type Item = Record<string, unknown>;
const KEY_ATTRIBUTES = [
  'PK',
  'SK',
  'GSI1PK',
  'GSI1SK',
  'GSI2PK',
  'GSI2SK',
  'GSI3PK',
  'GSI3SK',
  'GSI4PK',
  'GSI4SK',
  'entity',
  'expiresAt',
];

const keys = {
  cycle: (cycleId: string) => ({ PK: `CYCLE#${cycleId}`, SK: '#CYCLE' }),
  phase: (cycleId: string, phase: string, revision: number) => ({
    PK: `CYCLE#${cycleId}`,
    SK: `PHASE#${phase}#r${revision}`,
  }),
  task: (taskId: string) => ({ PK: `CYCLE#${cycleIdOfTask(taskId)}`, SK: `TASK#${taskId}` }),
  audit: (event: Pick<AuditEvent, 'cycleId' | 'at' | 'eventId'>) => ({
    PK: `CYCLE#${event.cycleId}`,
    SK: `AUDIT#${event.at}#${event.eventId}`,
  }),
  municipality: (municipalityId: string) => ({ PK: `MUNI#${municipalityId}`, SK: '#PROFILE' }),
  contacts: (municipalityId: string) => ({ PK: `MUNI#${municipalityId}`, SK: 'CONTACTS' }),
  countries: () => ({ PK: 'META', SK: 'COUNTRIES' }),
  notification: (cycleId: string, notificationId: string) => ({
    PK: `CYCLE#${cycleId}`,
    SK: `NOTIF#${notificationId}`,
  }),
};

/** The inbox partition of a task: its municipality and role, or its country for coordinator tasks. */
export function inboxOwner(task: Pick<Task, 'assignee' | 'municipalityId' | 'country'>): string {
  return task.assignee === 'coordinator' ? `country:${task.country}` : task.municipalityId;
}

/** The single sweep partition: one region's open tasks. Fine for thousands of writes a second. */
const SWEEP_PARTITION = 'OPEN';

function cycleItem(cycle: Cycle): Item {
  return {
    ...keys.cycle(cycle.cycleId),
    entity: 'cycle',
    GSI1PK: `MUNI#${cycle.municipalityId}`,
    GSI1SK: `${cycle.startedAt}#${cycle.cycleId}`,
    GSI2PK: `COUNTRY#${cycle.country}`,
    GSI2SK: `${cycle.status}#${cycle.startedAt}#${cycle.cycleId}`,
    ...cycle,
  };
}

function taskItem(task: Task): Item {
  const open =
    task.status === 'OPEN'
      ? {
          GSI3PK: `INBOX#${inboxOwner(task)}#${task.assignee}`,
          GSI3SK: `${task.dueAt}#${task.taskId}`,
        }
      : {};
  // The sweep index holds open tasks with a notification still to come, keyed by when it falls due.
  const sweep =
    task.status === 'OPEN' && task.nextNotificationAt
      ? { GSI4PK: SWEEP_PARTITION, GSI4SK: `${task.nextNotificationAt}#${task.taskId}` }
      : {};
  return { ...keys.task(task.taskId), entity: 'task', ...open, ...sweep, ...task };
}

function parse<S extends z.ZodType>(schema: S, item: Item): z.infer<S> {
  const data = Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.includes(name)));
  const result = schema.safeParse(data);
  if (!result.success)
    throw new MalformedItemError(`${String(item.PK)} / ${String(item.SK)}`, fieldIssues(result.error.issues));
  return result.data;
}

function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error instanceof Error && error.name === 'ConditionalCheckFailedException')
  );
}

const encodeCursor = (key: Item | undefined) =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;
const decodeCursor = (cursor: string | undefined): Item | undefined => {
  if (!cursor) return undefined;
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Item;
  } catch {
    return undefined;
  }
};

/** Options of the DynamoDB store. */
export interface DynamoStoreOptions {
  tableName: string;
  /** Receives the read and write units of every call (benchmarks, tests). */
  meter?: CapacityMeter;
}

/** Wraps a DynamoDB client in the document client with the options the store relies on. */
export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

/** The Store port on DynamoDB. */
export class DynamoStore implements Store {
  private readonly tableName: string;
  private readonly meter: CapacityMeter | undefined;

  constructor(
    private readonly client: DynamoDBDocumentClient,
    options: DynamoStoreOptions,
  ) {
    this.tableName = options.tableName;
    this.meter = options.meter;
  }

  private measure(
    operation: string,
    consumed: { ReadCapacityUnits?: number; WriteCapacityUnits?: number; CapacityUnits?: number } | undefined,
    isWrite: boolean,
  ) {
    if (!this.meter || !consumed) return;
    const units = consumed.CapacityUnits ?? 0;
    this.meter.add(
      operation,
      consumed.ReadCapacityUnits ?? (isWrite ? 0 : units),
      consumed.WriteCapacityUnits ?? (isWrite ? units : 0),
    );
  }

  private async get(operation: string, key: Item): Promise<Item | undefined> {
    const output = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: key,
        ConsistentRead: true,
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.measure(operation, output.ConsumedCapacity, false);
    return output.Item;
  }

  /** Puts an item if `condition` holds; returns false when it does not. */
  private async put(
    operation: string,
    item: Item,
    condition: string,
    values?: Item,
    names?: Record<string, string>,
  ): Promise<boolean> {
    try {
      const output = await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: item,
          ConditionExpression: condition,
          ...(values ? { ExpressionAttributeValues: values } : {}),
          ...(names ? { ExpressionAttributeNames: names } : {}),
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.measure(operation, output.ConsumedCapacity, true);
      return true;
    } catch (error) {
      if (isConditionFailure(error)) {
        // A failed condition still costs a write unit on AWS.
        this.meter?.add(operation, 0, 1);
        return false;
      }
      throw error;
    }
  }

  /** Runs a query and returns one page of items. */
  private async query(
    operation: string,
    input: Omit<QueryCommandInput, 'TableName'>,
    options: ListOptions = {},
  ) {
    const output = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        ...input,
        ...(options.limit ? { Limit: options.limit } : {}),
        ...(decodeCursor(options.cursor) ? { ExclusiveStartKey: decodeCursor(options.cursor) } : {}),
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.measure(operation, output.ConsumedCapacity, false);
    const nextCursor = encodeCursor(output.LastEvaluatedKey);
    return {
      items: output.Items ?? [],
      scanned: output.ScannedCount ?? 0,
      ...(nextCursor ? { nextCursor } : {}),
    };
  }

  async createCycle(cycle: Cycle) {
    if (await this.put('createCycle', cycleItem(cycle), 'attribute_not_exists(PK)'))
      return { cycle, created: true };
    const existing = await this.getCycle(cycle.cycleId);
    if (!existing) throw new ConcurrentUpdateError(`cycle ${cycle.cycleId}`);
    return { cycle: existing, created: false };
  }

  async getCycle(cycleId: string) {
    const item = await this.get('getCycle', keys.cycle(cycleId));
    return item ? parse(Cycle, item) : undefined;
  }

  async getCycleRecord(cycleId: string): Promise<CycleRecord | undefined> {
    const items: Item[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.query(
        'getCycleRecord',
        {
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': `CYCLE#${cycleId}` },
          ConsistentRead: true,
        },
        cursor ? { cursor } : {},
      );
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const cycleItemFound = items.find((item) => item.SK === '#CYCLE');
    if (!cycleItemFound) return undefined;
    const of = (prefix: string) => items.filter((item) => String(item.SK).startsWith(prefix));
    return {
      cycle: parse(Cycle, cycleItemFound),
      phases: of('PHASE#')
        .map((item) => parse(PhaseRun, item))
        .sort((a, b) => a.startedAt.localeCompare(b.startedAt)),
      tasks: of('TASK#')
        .map((item) => parse(Task, item))
        .sort((a, b) => a.openedAt.localeCompare(b.openedAt)),
      audit: of('AUDIT#').map((item) => parse(AuditEvent, item)),
    };
  }

  async updateCycle(cycle: Cycle, changes: Partial<Cycle>) {
    const next: Cycle = { ...cycle, ...changes, version: cycle.version + 1 };
    const ok = await this.put(
      'updateCycle',
      cycleItem(next),
      '#version = :expected',
      { ':expected': cycle.version },
      { '#version': 'version' },
    );
    if (!ok) throw new ConcurrentUpdateError(`cycle ${cycle.cycleId}`);
    return next;
  }

  async listCyclesByMunicipality(municipalityId: string, options: ListOptions & { status?: CycleStatus }) {
    const page = await this.query(
      'listCyclesByMunicipality',
      {
        IndexName: 'ByMunicipality',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: {
          ':pk': `MUNI#${municipalityId}`,
          ...(options.status ? { ':status': options.status } : {}),
        },
        ...(options.status
          ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } }
          : {}),
        ScanIndexForward: false,
      },
      options,
    );
    return this.page(page, Cycle);
  }

  async listCyclesByCountry(country: string, status: CycleStatus | undefined, options: ListOptions) {
    const page = await this.query(
      'listCyclesByCountry',
      {
        IndexName: 'ByCountryStatus',
        KeyConditionExpression: status ? 'GSI2PK = :pk AND begins_with(GSI2SK, :status)' : 'GSI2PK = :pk',
        ExpressionAttributeValues: {
          ':pk': `COUNTRY#${country}`,
          ...(status ? { ':status': `${status}#` } : {}),
        },
      },
      options,
    );
    return this.page(page, Cycle);
  }

  private page<S extends z.ZodType>(
    page: { items: Item[]; nextCursor?: string },
    schema: S,
  ): Page<z.infer<S>> {
    return {
      items: page.items.map((item) => parse(schema, item)),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  async startPhase(run: PhaseRun) {
    const key = keys.phase(run.cycleId, run.phase, run.revision);
    if (await this.put('startPhase', { ...key, entity: 'phase', ...run }, 'attribute_not_exists(PK)'))
      return run;
    const item = await this.get('startPhase', key);
    if (!item) throw new ConcurrentUpdateError(key.SK);
    return parse(PhaseRun, item);
  }

  async endPhase(run: PhaseRun, endedAt: string) {
    const key = keys.phase(run.cycleId, run.phase, run.revision);
    const ended = { ...run, endedAt };
    if (await this.put('endPhase', { ...key, entity: 'phase', ...ended }, 'attribute_not_exists(endedAt)'))
      return ended;
    const item = await this.get('endPhase', key);
    return item ? parse(PhaseRun, item) : ended;
  }

  async createTask(task: Task) {
    if (await this.put('createTask', taskItem(task), 'attribute_not_exists(PK)'))
      return { task, created: true };
    const existing = await this.getTask(task.taskId);
    if (!existing) throw new ConcurrentUpdateError(`task ${task.taskId}`);
    return { task: existing, created: false };
  }

  async getTask(taskId: string) {
    if (!cycleIdOfTask(taskId)) return undefined;
    const item = await this.get('getTask', keys.task(taskId));
    return item ? parse(Task, item) : undefined;
  }

  async updateTask(task: Task, changes: Partial<Task>, options: { allowClosed?: boolean } = {}) {
    const next: Task = { ...task, ...changes, version: task.version + 1 };
    const condition = options.allowClosed
      ? '#version = :expected'
      : '#version = :expected AND #status = :open';
    const ok = await this.put(
      'updateTask',
      taskItem(next),
      condition,
      { ':expected': task.version, ...(options.allowClosed ? {} : { ':open': 'OPEN' }) },
      { '#version': 'version', ...(options.allowClosed ? {} : { '#status': 'status' }) },
    );
    if (!ok) throw new ConcurrentUpdateError(`task ${task.taskId}`);
    return next;
  }

  async listInbox(owner: string, role: string, options: ListOptions & { dueBefore?: string }) {
    const page = await this.query(
      'listInbox',
      {
        IndexName: 'Inbox',
        KeyConditionExpression: options.dueBefore ? 'GSI3PK = :pk AND GSI3SK < :before' : 'GSI3PK = :pk',
        ExpressionAttributeValues: {
          ':pk': `INBOX#${owner}#${role}`,
          ...(options.dueBefore ? { ':before': options.dueBefore } : {}),
        },
      },
      options,
    );
    return this.page(page, Task);
  }

  async listOpenTasksDueBy(until: string, options: ListOptions) {
    // "~" sorts after every task id, so tasks due exactly at `until` are included.
    const page = await this.query(
      'listOpenTasksDueBy',
      {
        IndexName: 'Sweep',
        KeyConditionExpression: 'GSI4PK = :pk AND GSI4SK <= :until',
        ExpressionAttributeValues: { ':pk': SWEEP_PARTITION, ':until': `${until}#~` },
      },
      options,
    );
    return this.page(page, Task);
  }

  async appendAudit(event: AuditEvent) {
    await this.put(
      'appendAudit',
      { ...keys.audit(event), entity: 'audit', ...event },
      'attribute_not_exists(PK)',
    );
  }

  async putMunicipality(municipality: Municipality) {
    const { contacts, ...profile } = municipality;
    await this.client
      .send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.municipality(municipality.municipalityId), entity: 'municipality', ...profile },
          ReturnConsumedCapacity: 'TOTAL',
        }),
      )
      .then((output) => this.measure('putMunicipality', output.ConsumedCapacity, true));
    await this.client
      .send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...keys.contacts(municipality.municipalityId), entity: 'contacts', ...contacts },
          ReturnConsumedCapacity: 'TOTAL',
        }),
      )
      .then((output) => this.measure('putMunicipality', output.ConsumedCapacity, true));
    // The set of countries served lets a restart find every live cycle through the country index.
    const output = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: keys.countries(),
        UpdateExpression: 'ADD countries :country',
        ExpressionAttributeValues: { ':country': new Set([municipality.country]) },
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.measure('putMunicipality', output.ConsumedCapacity, true);
    return municipality;
  }

  /** Countries that have municipalities. */
  async listCountries(): Promise<string[]> {
    const item = await this.get('listCountries', keys.countries());
    const countries = item?.countries;
    return countries instanceof Set ? [...countries].map(String).sort() : [];
  }

  async getMunicipality(municipalityId: string) {
    const page = await this.query('getMunicipality', {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': `MUNI#${municipalityId}` },
      ConsistentRead: true,
    });
    const profile = page.items.find((item) => item.SK === '#PROFILE');
    if (!profile) return undefined;
    const contactsItem = page.items.find((item) => item.SK === 'CONTACTS');
    const list = (value: unknown) =>
      ((value as unknown[] | undefined) ?? []).map((contact) => parse(Contact, contact as Item));
    const contacts = {
      municipality: list(contactsItem?.municipality),
      cag: list(contactsItem?.cag),
      coordinator: list(contactsItem?.coordinator),
    };
    return parse(Municipality, { ...profile, contacts });
  }

  async deleteContacts(municipalityId: string, _at: string) {
    const output = await this.client.send(
      new DeleteCommand({
        TableName: this.tableName,
        Key: keys.contacts(municipalityId),
        ReturnConsumedCapacity: 'TOTAL',
      }),
    );
    this.measure('deleteContacts', output.ConsumedCapacity, true);
  }

  async recordNotification(record: NotificationRecord) {
    const key = keys.notification(record.cycleId, record.notificationId);
    if (
      await this.put(
        'recordNotification',
        { ...key, entity: 'notification', ...record },
        'attribute_not_exists(PK)',
      )
    ) {
      return { record, created: true };
    }
    const item = await this.get('recordNotification', key);
    if (!item) throw new ConcurrentUpdateError(key.SK);
    return { record: parse(NotificationRecord, item), created: false };
  }

  async claimNotification(record: NotificationRecord, now: string, leaseUntil: string) {
    const claimed = { ...record, leaseUntil };
    const ok = await this.put(
      'claimNotification',
      { ...keys.notification(record.cycleId, record.notificationId), entity: 'notification', ...claimed },
      '#status = :pending AND leaseUntil < :now',
      { ':pending': 'PENDING', ':now': now },
      { '#status': 'status' },
    );
    return ok ? claimed : undefined;
  }

  async settleNotification(
    record: NotificationRecord,
    changes: Pick<NotificationRecord, 'status'> & Partial<NotificationRecord>,
  ) {
    const settled = { ...record, ...changes };
    // Delivered notifications expire after 90 days through the table's TTL (on AWS).
    const expiresAt = Math.floor(Date.parse(settled.deliveredAt ?? settled.recordedAt) / 1000) + 90 * 86_400;
    await this.put(
      'settleNotification',
      {
        ...keys.notification(record.cycleId, record.notificationId),
        entity: 'notification',
        ...settled,
        expiresAt,
      },
      '#status = :pending',
      { ':pending': 'PENDING' },
      { '#status': 'status' },
    );
  }

  async listNotifications(cycleId: string) {
    const page = await this.query('listNotifications', {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': `CYCLE#${cycleId}`, ':prefix': 'NOTIF#' },
      ConsistentRead: true,
    });
    return page.items.map((item) => parse(NotificationRecord, item));
  }
}
