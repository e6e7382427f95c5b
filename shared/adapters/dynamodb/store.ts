import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StorePorts } from '#shared/domain/ports.ts';
import { DynamoAttachments } from './attachments.ts';
import { DynamoAudit } from './audit.ts';
import { DynamoComments } from './comments.ts';
import { DynamoCycles } from './cycles.ts';
import { DynamoMessages } from './messages.ts';
import { DynamoMunicipalities } from './municipalities.ts';
import { DynamoNotifications } from './notifications.ts';
import { DynamoPublications } from './publications.ts';
import { DynamoSignIn } from './sign-in.ts';
import { type CapacityMeter, type MalformedReporter, Table, type WriteUnitCounting } from './table.ts';
import { DynamoTasks } from './tasks.ts';
import { DynamoUsers } from './users.ts';

/** Options of the DynamoDB store. */
export interface DynamoStoreOptions {
  tableName: string;
  /** Receives the read and write units of every call (benchmarks, tests). */
  meter?: CapacityMeter;
  /** Hears of items a listing skipped because they do not parse. */
  onMalformed?: MalformedReporter;
  /** How the meter counts write units: as the server reports them (default), or computed (dynalite). */
  writeUnits?: WriteUnitCounting;
  /** Shards of the sweep index (default 4; safe to change, see docs/data-model.md). */
  sweepShards?: number;
}

/** Wraps a DynamoDB client in the document client with the options the store relies on. */
export function documentClient(client: DynamoDBClient): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

/**
 * Every repository on one DynamoDB table (AWS, DynamoDB Local or dynalite). Every write is a single-item
 * conditional write, safe to repeat; every item read back is parsed with its entity schema.
 */
export function createDynamoStore(client: DynamoDBClient, options: DynamoStoreOptions): StorePorts {
  const table = new Table(documentClient(client), options.tableName, options.meter, options.onMalformed, {
    ...(options.writeUnits ? { writeUnits: options.writeUnits } : {}),
  });
  return {
    cycles: new DynamoCycles(table),
    tasks: new DynamoTasks(table, { ...(options.sweepShards ? { sweepShards: options.sweepShards } : {}) }),
    audit: new DynamoAudit(table),
    municipalities: new DynamoMunicipalities(table),
    notifications: new DynamoNotifications(table),
    users: new DynamoUsers(table),
    signIn: new DynamoSignIn(table),
    messages: new DynamoMessages(table),
    attachments: new DynamoAttachments(table),
    comments: new DynamoComments(table),
    publications: new DynamoPublications(table),
  };
}
