import { GetCommand, PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '#shared/adapters/dynamodb/store.ts';
import { noContacts } from '#shared/domain/model/municipality.ts';
import { adoptContacts } from '#shared/domain/ops/adopt-contacts.ts';
import type { LocalRuntime } from './runtime.ts';

/**
 * Brings a local data dir written before people existed up to date, at start, before any cycle resumes or any
 * request is served. Municipalities were stored without the country index attribute (`GSI2PK`), so they were
 * missing from `municipalities.listByCountries`, and their contacts in the profile or in a separate `CONTACTS`
 * item; each is rewritten through the repository (which indexes it and removes the old item) after its contacts
 * became people with memberships (`adoptContacts`: name, email, phone and language kept, found again on a
 * rerun). Idempotent: a marker item records a finished migration, and a rerun finds the same people.
 */

/** What one migration did. */
export interface MigrationReport {
  /** The migration had run before: nothing was read. */
  alreadyDone: boolean;
  /** Municipalities rewritten into the country index. */
  municipalities: number;
  /** Contacts that became (or were found as) people with a membership. */
  contacts: number;
  /** Separate contact items removed (their contacts moved first). */
  legacyContactItems: number;
  /** Municipalities that could not be read, left as they were (the next start tries again). */
  unreadable: number;
  /** Their ids (no personal data), for the log line. */
  unreadableIds: string[];
}

/** The item that says this migration has finished. */
export const MIGRATION_MARKER = { PK: 'MIGRATION', SK: '#people-1' } as const;

const hasContacts = (contacts: unknown) =>
  typeof contacts === 'object' &&
  contacts !== null &&
  Object.values(contacts).some((list) => Array.isArray(list) && list.length > 0);

/** Migrates the runtime's table (the in-memory store has no old data). */
export async function migrateLocalData(
  runtime: Pick<LocalRuntime, 'ports' | 'dynamo'>,
): Promise<MigrationReport> {
  const report: MigrationReport = {
    alreadyDone: false,
    municipalities: 0,
    contacts: 0,
    legacyContactItems: 0,
    unreadable: 0,
    unreadableIds: [],
  };
  if (!runtime.dynamo) return { ...report, alreadyDone: true };
  const { tableName } = runtime.dynamo;
  const client = documentClient(runtime.dynamo.client);
  const marker = await client.send(
    new GetCommand({ TableName: tableName, Key: MIGRATION_MARKER, ConsistentRead: true }),
  );
  if (marker.Item) return { ...report, alreadyDone: true };

  // Every municipality's profile and old contacts item (a one-off scan; later starts read only the marker).
  const found = new Map<string, { profile?: Record<string, unknown>; legacy: boolean }>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: tableName,
        ConsistentRead: true,
        FilterExpression: 'begins_with(PK, :muni) AND (SK = :profile OR SK = :contacts)',
        ExpressionAttributeValues: { ':muni': 'MUNI#', ':profile': '#PROFILE', ':contacts': 'CONTACTS' },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    for (const item of page.Items ?? []) {
      const municipalityId = String(item.PK).slice('MUNI#'.length);
      const entry = found.get(municipalityId) ?? { legacy: false };
      if (item.SK === 'CONTACTS') entry.legacy = true;
      else entry.profile = item;
      found.set(municipalityId, entry);
    }
    start = page.LastEvaluatedKey;
  } while (start);

  const { ports } = runtime;
  for (const [municipalityId, { profile, legacy }] of [...found].sort(([a], [b]) => a.localeCompare(b))) {
    // A contacts item without its municipality is nobody's to adopt: left as it is.
    if (!profile) continue;
    if (profile.GSI2PK && !legacy && !hasContacts(profile.contacts)) continue;
    try {
      const municipality = await ports.municipalities.get(municipalityId);
      if (!municipality) continue;
      // People first: a crash in between leaves the contacts in place, and the rerun finds the same people.
      report.contacts += await adoptContacts(ports, municipality, municipality.contacts);
      await ports.municipalities.update(municipality, { contacts: noContacts() });
      report.municipalities += 1;
      if (legacy) report.legacyContactItems += 1;
    } catch {
      report.unreadable += 1;
      report.unreadableIds.push(municipalityId);
    }
  }
  if (!report.unreadable) {
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...MIGRATION_MARKER, entity: 'migration', finishedAt: ports.clock.now().toISOString() },
      }),
    );
  }
  return report;
}

/** The one line the server prints about a migration that found something to do (none otherwise). */
export function migrationLine(report: MigrationReport): string | undefined {
  if (report.alreadyDone || (!report.municipalities && !report.unreadable)) return undefined;
  return [
    `migrated data written before people: ${report.municipalities} municipalit${report.municipalities === 1 ? 'y' : 'ies'} indexed by country`,
    `${report.contacts} contact(s) now people with memberships`,
    `${report.legacyContactItems} old contacts item(s) removed`,
    ...(report.unreadable
      ? [
          `${report.unreadable} unreadable municipalit${report.unreadable === 1 ? 'y' : 'ies'} left as they were, retried at the next start (${report.unreadableIds.join(', ')})`,
        ]
      : []),
  ].join(', ');
}
