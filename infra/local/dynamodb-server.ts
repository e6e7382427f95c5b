import { createHash, randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import type { WriteUnitCounting } from '#shared/adapters/dynamodb/table.ts';
import { createTableInput } from '#shared/adapters/dynamodb/table-definition.ts';
import { ensurePrivateDir, warnLine } from '#shared/adapters/local/files.ts';
import { startDynaliteThread } from './dynalite-thread.ts';

/**
 * dynalite, a DynamoDB-compatible server, on a worker thread of this process: in memory, or persisted on disk
 * (LevelDB) under `path`. The client reaches it by message, with no socket or signing (the fast path,
 * `dynalite-thread.ts`), or with `ROMACT_DYNAMODB_TRANSPORT=http` over its loopback port with SigV4 as an SDK
 * reaches AWS. The table is created from the shared table definition when missing.
 *
 * With `ROMACT_DYNAMODB_ENDPOINT` set (the parity run, `npm run test:parity`), no dynalite starts: the table is
 * made on that DynamoDB instead — AWS's DynamoDB Local, started without `-sharedDb`, where each access key has a
 * database of its own. Each start gets a fresh one, or, with a `path`, the same one for the same path (so a
 * restarted server finds its data while that DynamoDB Local runs).
 */

/** The variable that points the embedded store at another DynamoDB (DynamoDB Local) instead of dynalite. */
export const DYNAMODB_ENDPOINT_VARIABLE = 'ROMACT_DYNAMODB_ENDPOINT';

/** A running embedded DynamoDB. */
export interface EmbeddedDynamo {
  endpoint: string;
  client: DynamoDBClient;
  /** How the store's meter must count write units here: dynalite reports only the base table's. */
  writeUnits: WriteUnitCounting;
  /** How the client reaches dynalite (`http` also on another DynamoDB). */
  transport: DynamoTransport;
  close(): Promise<void>;
}

/** Credentials are required by the SDK but unused by dynalite; fixed ones keep the AWS chain out of it. */
const LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** The embedded DynamoDB could not be made ready; the message says why in one line. */
export class EmbeddedDynamoError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedDynamoError';
  }
}

/** Options of the embedded DynamoDB. */
export interface EmbeddedDynamoOptions {
  tableName: string;
  path?: string;
  port?: number;
  /**
   * How long a new table stays CREATING, as on AWS where it takes seconds (0 by default; tests raise it to
   * prove nothing reads the table before it is ACTIVE).
   */
  createTableMs?: number;
  /** How long to wait for the table to become ACTIVE before giving up. */
  activeTimeoutMs?: number;
  warn?: (message: string) => void;
  /** How the client reaches dynalite (default: `ROMACT_DYNAMODB_TRANSPORT`, else by message). */
  transport?: DynamoTransport;
  /** Use this DynamoDB instead of starting dynalite (default: `ROMACT_DYNAMODB_ENDPOINT`; `''`: dynalite). */
  endpoint?: string;
}

/** Starts dynalite and ensures the table exists and is ACTIVE before anything reads it. */
export async function startEmbeddedDynamo(options: EmbeddedDynamoOptions): Promise<EmbeddedDynamo> {
  const endpoint = options.endpoint ?? process.env[DYNAMODB_ENDPOINT_VARIABLE];
  if (endpoint) return connectElsewhere(endpoint, options);
  const dynamo = await listen(options);
  try {
    const outcome = await ensureActiveTable(dynamo.client, options);
    if (outcome === 'stuck-creating' && options.path) {
      // A previous first start died while the table was CREATING; dynalite only flips it to ACTIVE on a
      // timer in the process that created it, so it would stay CREATING (unreadable) for ever. A CREATING
      // table refuses every write, so it is empty: start the store afresh.
      await dynamo.close();
      rmSync(options.path, { recursive: true, force: true });
      ensurePrivateDir(options.path);
      (options.warn ?? warnLine)(
        `the table ${options.tableName} was left half-created by an interrupted first start; created it again`,
      );
      const fresh = await listen(options);
      try {
        if ((await ensureActiveTable(fresh.client, options)) !== 'active')
          throw new EmbeddedDynamoError(`the table ${options.tableName} could not be created`);
      } catch (error) {
        await fresh.close();
        throw error;
      }
      return fresh;
    }
    if (outcome !== 'active') {
      throw new EmbeddedDynamoError(
        `the table ${options.tableName} is stuck in CREATING; remove ${options.path ?? 'the data dir'} to start afresh`,
      );
    }
    return dynamo;
  } catch (error) {
    await dynamo.close().catch(() => {});
    throw error;
  }
}

/** The variable that sends the embedded store's calls over HTTP with SigV4 (`http`) instead of by message. */
export const DYNAMODB_TRANSPORT_VARIABLE = 'ROMACT_DYNAMODB_TRANSPORT';

/** How the client reaches the embedded dynalite: by message to its thread (fast), or over its HTTP port. */
export type DynamoTransport = 'message' | 'http';

/** The transport `ROMACT_DYNAMODB_TRANSPORT` asks for (default: by message). */
export function transportFromEnvironment(): DynamoTransport {
  const value = process.env[DYNAMODB_TRANSPORT_VARIABLE];
  if (value === undefined || value === '' || value === 'message') return 'message';
  if (value === 'http') return 'http';
  throw new EmbeddedDynamoError(`${DYNAMODB_TRANSPORT_VARIABLE} must be "message" or "http", not "${value}"`);
}

/** SigV4's scheme with a signer that signs nothing: the fast path has no wire to protect. */
const UNSIGNED_SIGV4 = [
  {
    schemeId: 'aws.auth#sigv4',
    identityProvider: (config: { getIdentityProvider(id: string): unknown }) =>
      config.getIdentityProvider('aws.auth#sigv4'),
    signer: { sign: async <R>(request: R) => request },
  },
];

async function listen(options: EmbeddedDynamoOptions): Promise<EmbeddedDynamo> {
  const thread = await startDynaliteThread(
    {
      createTableMs: options.createTableMs ?? 0,
      deleteTableMs: 0,
      updateTableMs: 0,
      ...(options.path ? { path: options.path } : {}),
    },
    options.port ?? 0,
  );
  const transport = options.transport ?? transportFromEnvironment();
  const client = new DynamoDBClient({
    endpoint: thread.endpoint,
    region: 'local',
    credentials: LOCAL_CREDENTIALS,
    ...(transport === 'message'
      ? { requestHandler: thread.requestHandler, httpAuthSchemes: UNSIGNED_SIGV4 as never }
      : {}),
  });
  return {
    endpoint: thread.endpoint,
    client,
    writeUnits: 'computed',
    transport,
    close: async () => {
      client.destroy();
      await thread.close();
    },
  };
}

/** The table on another DynamoDB, in a database of its own (its own access key; see the top of this file). */
async function connectElsewhere(endpoint: string, options: EmbeddedDynamoOptions): Promise<EmbeddedDynamo> {
  if (!URL.canParse(endpoint))
    throw new EmbeddedDynamoError(`${DYNAMODB_ENDPOINT_VARIABLE} is not a URL: ${endpoint}`);
  // DynamoDB Local accepts letters and digits in an access key.
  const database = options.path
    ? createHash('sha256').update(options.path).digest('hex').slice(0, 32)
    : randomUUID().replaceAll('-', '');
  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: `romact${database}`, secretAccessKey: 'local' },
  });
  try {
    if ((await ensureActiveTable(client, options)) !== 'active')
      throw new EmbeddedDynamoError(`the table ${options.tableName} is stuck in CREATING on ${endpoint}`);
  } catch (error) {
    client.destroy();
    throw error;
  }
  return {
    endpoint,
    client,
    writeUnits: 'reported',
    transport: 'http',
    close: async () => {
      // A throwaway database is dropped; one tied to a data dir stays for the next start.
      if (!options.path)
        await client.send(new DeleteTableCommand({ TableName: options.tableName })).catch(() => {});
      client.destroy();
    },
  };
}

const isNotFound = (error: unknown) =>
  error instanceof ResourceNotFoundException || (error as Error).name === 'ResourceNotFoundException';

async function tableStatus(client: DynamoDBClient, tableName: string) {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexes = (Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexStatus);
    return { status: Table?.TableStatus, indexesActive: indexes.every((status) => status === 'ACTIVE') };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}

/**
 * Creates the table when missing and waits until it and its indexes are ACTIVE: a CREATING table answers
 * ResourceNotFoundException to every read, which used to kill the first start at random.
 */
async function ensureActiveTable(
  client: DynamoDBClient,
  options: EmbeddedDynamoOptions,
): Promise<'active' | 'stuck-creating'> {
  const existing = await tableStatus(client, options.tableName);
  if (existing?.status === 'CREATING') return 'stuck-creating';
  if (!existing) await client.send(new CreateTableCommand(createTableInput(options.tableName)));
  const deadline = Date.now() + (options.activeTimeoutMs ?? 30_000);
  for (;;) {
    const current = await tableStatus(client, options.tableName);
    // UPDATING tables answer reads and writes; we never update ours, but a lost timer must not block a start.
    if ((current?.status === 'ACTIVE' || current?.status === 'UPDATING') && current.indexesActive)
      return 'active';
    if (Date.now() > deadline)
      throw new EmbeddedDynamoError(
        `the table ${options.tableName} did not become ACTIVE (${current?.status ?? 'missing'})`,
      );
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
