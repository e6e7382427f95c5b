import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIGRATION_MARKER, migrateLocalData, migrationLine } from '#infra/local/migrate.ts';
import { type LocalRuntime, startLocalRuntime } from '#infra/local/runtime.ts';
import { documentClient } from '#shared/adapters/dynamodb/store.ts';
import { manualClock } from '#shared/domain/clock.ts';
import type { User } from '#shared/domain/model/user.ts';
import { findOrCreatePerson, grantMembership } from '#shared/domain/ops/people.ts';

/**
 * The migration of a data dir written before people existed: old-shaped municipality items are written straight
 * into a dynalite table, and the runtime started on it migrates them.
 */

let dataDir: string;
let runtime: LocalRuntime;

const clock = () => manualClock(new Date('2027-03-01T09:00:00.000Z'));
const start = () => startLocalRuntime({ dataDir, clock: clock() });
const table = () => {
  const dynamo = runtime.dynamo;
  if (!dynamo) throw new Error('no table');
  return { client: documentClient(dynamo.client), TableName: dynamo.tableName };
};
const put = (Item: Record<string, unknown>) => {
  const { client, TableName } = table();
  return client.send(new PutCommand({ TableName, Item }));
};
const get = async (Key: { PK: string; SK: string }) => {
  const { client, TableName } = table();
  return (await client.send(new GetCommand({ TableName, Key, ConsistentRead: true }))).Item;
};

/** Old items: the first layout (contacts apart, no version), the second (contacts inline), and a current one. */
async function writeOldData() {
  await put({
    PK: 'MUNI#bg-old-apart',
    SK: '#PROFILE',
    municipalityId: 'bg-old-apart',
    name: 'Plovdiv – Stolipinovo',
    country: 'BG',
    locale: 'bg',
    timeZone: 'Europe/Sofia',
    updatedAt: '2026-11-25T00:00:00.000Z',
  });
  await put({
    PK: 'MUNI#bg-old-apart',
    SK: 'CONTACTS',
    municipality: [{ name: 'Maria Staff', email: 'Maria.Staff@Plovdiv.example', locale: 'bg' }],
    cag: [
      { name: 'Phone Only', phone: '+359888700001' },
      { name: 'Both Channels', email: 'both@example.org', phone: '+359888700002', locale: 'en' },
    ],
  });
  await put({
    PK: 'MUNI#ro-old-inline',
    SK: '#PROFILE',
    entity: 'municipality',
    municipalityId: 'ro-old-inline',
    name: 'Cluj – Pata Rât',
    country: 'RO',
    locale: 'ro',
    timeZone: 'Europe/Bucharest',
    contacts: {
      municipality: [{ email: 'already.here@example.org' }],
      cag: [],
      coordinator: [{ name: 'Country Coordinator', email: 'coordinator@ro.example', locale: 'en' }],
    },
    updatedAt: '2027-01-10T00:00:00.000Z',
    version: 3,
  });
  await put({
    PK: 'MUNI#bg-current',
    SK: '#PROFILE',
    entity: 'municipality',
    GSI2PK: 'MUNIS#BG',
    GSI2SK: 'bg-current',
    municipalityId: 'bg-current',
    name: 'Sliven – Nadezhda',
    country: 'BG',
    locale: 'bg',
    timeZone: 'Europe/Sofia',
    contacts: { municipality: [], cag: [], coordinator: [] },
    updatedAt: '2027-02-01T00:00:00.000Z',
    version: 2,
  });
}

/** Everything about a person found by an address: profile and memberships. */
async function personOf(
  type: 'email' | 'sms',
  address: string,
): Promise<{ user: User; memberships: string[] }> {
  const user = await runtime.ports.users.findByAddress(type, address);
  if (!user) throw new Error(`nobody has ${address}`);
  const memberships = (await runtime.ports.users.memberships(user.userId)).map((one) =>
    one.role === 'coordinator'
      ? `coordinator:${one.countries.join(',')}`
      : `${one.role}:${one.municipalityId}`,
  );
  return { user, memberships: memberships.sort() };
}

const listed = async (countries: string[]) =>
  (await runtime.ports.municipalities.listByCountries(countries, { limit: 100 })).items.map(
    (one) => one.municipalityId,
  );

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'romact-migrate-'));
  runtime = await start();
});
afterEach(async () => {
  await runtime.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('Migration of local data written before people', () => {
  it('indexes old municipalities by country and makes their contacts people with memberships, losing nothing', async () => {
    await writeOldData();
    // Someone who is already a person keeps their account and gains the membership.
    const { user: existing } = await findOrCreatePerson(runtime.ports, {
      displayName: 'Already Here',
      locale: 'ro',
      timeZone: 'Europe/Bucharest',
      channel: { type: 'email', address: 'already.here@example.org' },
    });
    await grantMembership(runtime.ports, {
      userId: existing.userId,
      role: 'cag',
      municipalityId: 'bg-current',
      country: 'BG',
    });
    expect(await listed(['BG', 'RO'])).toEqual(['bg-current']);

    // The runtime is restarted on the same data dir, as `npm start` would, and migrates before anything else.
    await runtime.close();
    runtime = await start();
    const report = await migrateLocalData(runtime);

    expect(report).toEqual({
      alreadyDone: false,
      municipalities: 2,
      contacts: 5,
      legacyContactItems: 1,
      unreadable: 0,
      unreadableIds: [],
    });
    expect(migrationLine(report)).toBe(
      'migrated data written before people: 2 municipalities indexed by country, 5 contact(s) now people with memberships, 1 old contacts item(s) removed',
    );
    expect(await listed(['BG'])).toEqual(['bg-current', 'bg-old-apart']);
    expect(await listed(['RO'])).toEqual(['ro-old-inline']);

    // Every contact is a person: name, language, channels and role kept.
    const maria = await personOf('email', 'maria.staff@plovdiv.example');
    expect(maria.user).toMatchObject({ displayName: 'Maria Staff', locale: 'bg', timeZone: 'Europe/Sofia' });
    expect(maria.memberships).toEqual(['municipality:bg-old-apart']);
    const phoneOnly = await personOf('sms', '+359888700001');
    expect(phoneOnly.user).toMatchObject({ displayName: 'Phone Only', locale: 'bg' });
    expect(phoneOnly.user.channels).toEqual([{ type: 'sms', address: '+359888700001' }]);
    expect(phoneOnly.memberships).toEqual(['cag:bg-old-apart']);
    const both = await personOf('sms', '+359888700002');
    expect(both.user.channels.map((channel) => channel.address)).toEqual([
      'both@example.org',
      '+359888700002',
    ]);
    expect(both.user.locale).toBe('en');
    const coordinator = await personOf('email', 'coordinator@ro.example');
    expect(coordinator.memberships).toEqual(['coordinator:RO']);
    const already = await personOf('email', 'already.here@example.org');
    expect(already.user.userId).toBe(existing.userId);
    expect(already.user.displayName).toBe('Already Here');
    expect(already.memberships).toEqual(['cag:bg-current', 'municipality:ro-old-inline']);
    expect((await runtime.ports.users.membersOf('bg-old-apart')).map((one) => one.role).sort()).toEqual([
      'cag',
      'cag',
      'municipality',
    ]);

    // The profiles keep their fields, now versioned and without contacts; the old contacts item is gone.
    const apart = await runtime.ports.municipalities.get('bg-old-apart');
    expect(apart).toMatchObject({
      name: 'Plovdiv – Stolipinovo',
      country: 'BG',
      timeZone: 'Europe/Sofia',
      version: 2,
    });
    expect(apart?.contacts).toEqual({ municipality: [], cag: [], coordinator: [] });
    expect(await get({ PK: 'MUNI#bg-old-apart', SK: 'CONTACTS' })).toBeUndefined();
    expect((await runtime.ports.municipalities.get('ro-old-inline'))?.version).toBe(4);
    expect((await runtime.ports.municipalities.get('bg-current'))?.version).toBe(2);
    expect(await get(MIGRATION_MARKER)).toMatchObject({ entity: 'migration' });
  });

  it('does nothing the second time, and a rerun without its marker finds the same people', async () => {
    await writeOldData();
    const first = await migrateLocalData(runtime);
    expect(first.municipalities).toBe(2);
    const people = async () =>
      (await Promise.all(['bg-old-apart', 'ro-old-inline'].map((id) => runtime.ports.users.membersOf(id))))
        .flat()
        .map((one) => `${one.userId}:${one.membershipId}`)
        .sort();
    const before = await people();

    await runtime.close();
    runtime = await start();
    const again = await migrateLocalData(runtime);
    expect(again.alreadyDone).toBe(true);
    expect(migrationLine(again)).toBeUndefined();

    // As if a crash had come before the marker: the rerun rewrites nothing and makes nobody twice.
    const { client, TableName } = table();
    await client.send(new DeleteCommand({ TableName, Key: MIGRATION_MARKER }));
    const rerun = await migrateLocalData(runtime);
    expect(rerun).toMatchObject({ alreadyDone: false, municipalities: 0, contacts: 0, unreadable: 0 });
    expect(await people()).toEqual(before);
  });

  it('leaves an unreadable municipality as it was, names it, and tries again at the next start', async () => {
    await writeOldData();
    await put({
      PK: 'MUNI#bg-broken',
      SK: '#PROFILE',
      municipalityId: 'bg-broken',
      name: 'Broken',
      country: 'BG',
      locale: 'bg',
      timeZone: 'Europe/Sofia',
      contacts: { municipality: [{ name: 'No address at all' }], cag: [], coordinator: [] },
      updatedAt: '2026-12-01T00:00:00.000Z',
    });
    const report = await migrateLocalData(runtime);
    expect(report).toMatchObject({ municipalities: 2, unreadable: 1, unreadableIds: ['bg-broken'] });
    expect(migrationLine(report)).toContain(
      '1 unreadable municipality left as they were, retried at the next start (bg-broken)',
    );
    expect(await get(MIGRATION_MARKER)).toBeUndefined();
    expect((await get({ PK: 'MUNI#bg-broken', SK: '#PROFILE' }))?.contacts).toEqual({
      municipality: [{ name: 'No address at all' }],
      cag: [],
      coordinator: [],
    });
  });
});
