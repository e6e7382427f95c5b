import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { fieldIssues, MalformedItemError } from '#shared/domain/errors.ts';

/** The table helpers every repository shares: conditional puts, consistent gets, queries, capacity metering. */

/** A stored item. */
export type Item = Record<string, unknown>;

/** Read and write units a call consumed (benchmarks, tests). */
export interface CapacityMeter {
  add(operation: string, readUnits: number, writeUnits: number): void;
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
  constructor(
    readonly client: DynamoDBDocumentClient,
    readonly name: string,
    private readonly meter?: CapacityMeter,
    private readonly onMalformed?: MalformedReporter,
  ) {}

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
        ReturnConsumedCapacity: 'TOTAL',
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
    try {
      const output = await this.client.send(
        new PutCommand({
          TableName: this.name,
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

  /** Puts an item whatever is there (pointer rows that a retry rewrites identically). */
  async putAlways(operation: string, item: Item): Promise<void> {
    const output = await this.client.send(
      new PutCommand({ TableName: this.name, Item: item, ReturnConsumedCapacity: 'TOTAL' }),
    );
    this.measure(operation, output.ConsumedCapacity, true);
  }

  /** Sends any other command whose output reports consumed capacity. */
  async send<O extends { ConsumedCapacity?: unknown }>(
    operation: string,
    command: object,
    isWrite: boolean,
  ): Promise<O> {
    const output = (await this.client.send(command as never)) as unknown as O;
    this.measure(operation, output.ConsumedCapacity as never, isWrite);
    return output;
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
        ReturnConsumedCapacity: 'TOTAL',
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
