import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod';
import { fieldIssues, MalformedItemError } from '#shared/domain/errors.ts';
import { failedWriteCapacity, itemSize, marshalledItemSize, writeCapacity } from './capacity.ts';
import { tableDefinition } from './table-definition.ts';

/** The table helpers every repository shares: conditional puts, consistent gets, queries, capacity metering. */

/** A stored item. */
export type Item = Record<string, unknown>;

/** Read and write units a call consumed (benchmarks, tests). */
export interface CapacityMeter {
  add(operation: string, readUnits: number, writeUnits: number): void;
}

/**
 * How a metered table counts write units. `reported`: as the server says (AWS and DynamoDB Local bill every
 * index a write touches). `computed`: from the items and the table definition (`capacity.ts`), for dynalite,
 * which reports only the base table. Read units are always as the server reports them.
 */
export type WriteUnitCounting = 'reported' | 'computed';

/** Options of the table helpers. */
export interface TableOptions {
  writeUnits?: WriteUnitCounting;
}

/** The key attributes of the indexes (an empty string there is refused by DynamoDB, accepted by dynalite). */
const INDEX_KEY_ATTRIBUTES: readonly string[] = tableDefinition.indexes.flatMap((index) => [
  index.partitionKey,
  index.sortKey,
]);

/**
 * The item as it may be written: an index key attribute that is empty (or not a string) is left out, so the item
 * simply stays out of that sparse index — DynamoDB refuses such a write with a ValidationException, dynalite
 * would store it, and local must not be kinder than AWS.
 */
export function withoutEmptyIndexKeys(item: Item): Item {
  const empty = INDEX_KEY_ATTRIBUTES.filter(
    (name) => name in item && (typeof item[name] !== 'string' || item[name] === ''),
  );
  if (!empty.length) return item;
  return Object.fromEntries(Object.entries(item).filter(([name]) => !empty.includes(name)));
}

/** Attributes that are the table's keys, not the entity's data. */
const KEY_ATTRIBUTES = new Set([
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
  'GSI5PK',
  'GSI5SK',
  'entity',
  'expiresAt',
]);

/**
 * Parses an item read back with its entity schema; a malformed one names its key. `overrides` puts back
 * entity fields stored under another name (an ISO expiry kept apart from the TTL's epoch seconds).
 */
export function parseItem<S extends z.ZodType>(schema: S, item: Item, overrides: Item = {}): z.infer<S> {
  const data = {
    ...Object.fromEntries(Object.entries(item).filter(([name]) => !KEY_ATTRIBUTES.has(name))),
    ...overrides,
  };
  const result = schema.safeParse(data);
  if (!result.success)
    throw new MalformedItemError(`${String(item.PK)} / ${String(item.SK)}`, fieldIssues(result.error.issues));
  return result.data;
}

/** Hears of items a listing left out because they do not parse (a bug, or a manual edit). */
export type MalformedReporter = (error: MalformedItemError) => void;

/**
 * Parses the items of a listing; one malformed item is reported and left out, so it cannot take a whole page
 * (an inbox, a portfolio, a tenant) down with it.
 */
export function parseItems<S extends z.ZodType>(
  table: Pick<Table, 'reportMalformed'>,
  schema: S,
  items: Item[],
): z.infer<S>[] {
  return items.flatMap((item) => {
    try {
      return [parseItem(schema, item)];
    } catch (error) {
      if (!(error instanceof MalformedItemError)) throw error;
      table.reportMalformed(error);
      return [];
    }
  });
}

function isConditionFailure(error: unknown): boolean {
  return (
    error instanceof ConditionalCheckFailedException ||
    (error instanceof Error && error.name === 'ConditionalCheckFailedException')
  );
}

/** One page of a query. */
export interface QueryPage {
  items: Item[];
  lastKey?: Item;
}

/** The single table, as the repositories use it. */
export class Table {
  private readonly writeUnits: WriteUnitCounting;

  constructor(
    readonly client: DynamoDBDocumentClient,
    readonly name: string,
    private readonly meter?: CapacityMeter,
    private readonly onMalformed?: MalformedReporter,
    options: TableOptions = {},
  ) {
    this.writeUnits = options.writeUnits ?? 'reported';
  }

  /** What to ask of a call: capacity only when metered, and the old item when write units are computed. */
  private get capacity() {
    return { ReturnConsumedCapacity: this.meter ? ('INDEXES' as const) : ('NONE' as const) };
  }

  private get computing() {
    return this.meter !== undefined && this.writeUnits === 'computed';
  }

  /** Meters a write: as reported, or computed from the item before and after. */
  private measureWrite(
    operation: string,
    consumed: { CapacityUnits?: number } | undefined,
    before: Item | undefined,
    after: Item | undefined,
  ) {
    if (!this.meter) return;
    if (this.computing) this.meter.add(operation, 0, writeCapacity(before, after).total);
    else this.measure(operation, consumed, true);
  }

  /**
   * Meters a write whose condition failed: AWS bills the size of the item it found, and no capacity comes back
   * with the error. AWS and DynamoDB Local return that item (`ReturnValuesOnConditionCheckFailure`); dynalite
   * does not, so a computing meter reads it (unmetered).
   */
  private async measureFailedWrite(operation: string, key: Item, error: unknown) {
    if (!this.meter) return;
    const found = (error as { Item?: Record<string, Record<string, unknown>> }).Item;
    let bytes = 0;
    if (found) bytes = marshalledItemSize(found);
    else if (this.computing) {
      const existing = await this.peek(key);
      bytes = existing ? itemSize(existing) : 0;
    }
    this.meter.add(operation, 0, failedWriteCapacity(bytes));
  }

  /** What a metered write asks back: the old item to compute units from, the found one when it fails. */
  private get returnedItems() {
    if (!this.meter) return {};
    return {
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
      ...(this.computing ? { ReturnValues: 'ALL_OLD' as const } : {}),
    };
  }

  /** Reports an item a listing left out (the key and the fields only: no values, which may be personal). */
  reportMalformed(error: MalformedItemError) {
    if (this.onMalformed) this.onMalformed(error);
    else
      process.emitWarning(
        `Skipped a malformed item: ${error.key} (${error.issues.map((issue) => issue.path).join(', ')})`,
      );
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

  /** A strongly consistent read of one item. */
  async get(operation: string, key: Item): Promise<Item | undefined> {
    const output = await this.client.send(
      new GetCommand({
        TableName: this.name,
        Key: key,
        ConsistentRead: true,
        ...this.capacity,
      }),
    );
    this.measure(operation, output.ConsumedCapacity, false);
    return output.Item;
  }

  /** Puts an item if `condition` holds; returns false when it does not. */
  async put(
    operation: string,
    item: Item,
    condition: string,
    values?: Item,
    names?: Record<string, string>,
  ): Promise<boolean> {
    const written = withoutEmptyIndexKeys(item);
    try {
      const output = await this.client.send(
        new PutCommand({
          TableName: this.name,
          Item: written,
          ConditionExpression: condition,
          ...(values ? { ExpressionAttributeValues: values } : {}),
          ...(names ? { ExpressionAttributeNames: names } : {}),
          ...this.capacity,
          ...this.returnedItems,
        }),
      );
      this.measureWrite(operation, output.ConsumedCapacity, output.Attributes, written);
      return true;
    } catch (error) {
      if (isConditionFailure(error)) {
        await this.measureFailedWrite(operation, { PK: written.PK, SK: written.SK }, error);
        return false;
      }
      throw error;
    }
  }

  /** Deletes an item if `condition` holds (or unconditionally); returns false when the condition fails. */
  async delete(operation: string, key: Item, condition?: string, values?: Item): Promise<boolean> {
    try {
      const output = await this.client.send(
        new DeleteCommand({
          TableName: this.name,
          Key: key,
          ...(condition ? { ConditionExpression: condition } : {}),
          ...(values ? { ExpressionAttributeValues: values } : {}),
          ...this.capacity,
          ...this.returnedItems,
        }),
      );
      this.measureWrite(operation, output.ConsumedCapacity, output.Attributes, undefined);
      return true;
    } catch (error) {
      if (isConditionFailure(error)) {
        await this.measureFailedWrite(operation, key, error);
        return false;
      }
      throw error;
    }
  }

  /** Puts an item whatever is there (pointer rows that a retry rewrites identically). */
  async putAlways(operation: string, item: Item): Promise<void> {
    const written = withoutEmptyIndexKeys(item);
    const output = await this.client.send(
      new PutCommand({
        TableName: this.name,
        Item: written,
        ...this.capacity,
        ...(this.computing ? { ReturnValues: 'ALL_OLD' as const } : {}),
      }),
    );
    this.measureWrite(operation, output.ConsumedCapacity, output.Attributes, written);
  }

  /**
   * Sends any other command whose output reports consumed capacity. A write sent this way (a delete, an update)
   * is counted like the others: a computing meter reads the item before and after it (unmetered).
   */
  async send<O extends { ConsumedCapacity?: unknown }>(
    operation: string,
    command: object,
    isWrite: boolean,
  ): Promise<O> {
    const input = (command as { input?: { Key?: Item; Item?: Item } }).input;
    const key = input?.Key ?? (input?.Item ? { PK: input.Item.PK, SK: input.Item.SK } : undefined);
    const computed = isWrite && this.computing && key !== undefined;
    const before = computed ? await this.peek(key) : undefined;
    let output: O;
    try {
      output = (await this.client.send(command as never)) as unknown as O;
    } catch (error) {
      if (isWrite && key && isConditionFailure(error)) await this.measureFailedWrite(operation, key, error);
      throw error;
    }
    if (computed) this.measureWrite(operation, undefined, before, await this.peek(key));
    else this.measure(operation, output.ConsumedCapacity as never, isWrite);
    return output;
  }

  /** The item at `key` as it stands, unmetered (for a computing meter only). */
  private async peek(key: Item): Promise<Item | undefined> {
    const output = await this.client.send(
      new GetCommand({ TableName: this.name, Key: key, ConsistentRead: true }),
    );
    return output.Item;
  }

  /** One page of a query, starting after `startKey`. */
  async query(
    operation: string,
    input: Omit<QueryCommandInput, 'TableName'>,
    page: { limit?: number; startKey?: Item } = {},
  ): Promise<QueryPage> {
    const output = await this.client.send(
      new QueryCommand({
        TableName: this.name,
        ...input,
        ...(page.limit ? { Limit: page.limit } : {}),
        ...(page.startKey ? { ExclusiveStartKey: page.startKey } : {}),
        ...this.capacity,
      }),
    );
    this.measure(operation, output.ConsumedCapacity, false);
    return {
      items: output.Items ?? [],
      ...(output.LastEvaluatedKey ? { lastKey: output.LastEvaluatedKey } : {}),
    };
  }

  /** Every item of a query, page after page. */
  async queryAll(operation: string, input: Omit<QueryCommandInput, 'TableName'>): Promise<Item[]> {
    const items: Item[] = [];
    let startKey: Item | undefined;
    do {
      const page = await this.query(operation, input, startKey ? { startKey } : {});
      items.push(...page.items);
      startKey = page.lastKey;
    } while (startKey);
    return items;
  }
}
