import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalRuntime } from '#infra/local/runtime.ts';
import { documentClient } from '#shared/adapters/dynamodb/store.ts';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process.ts';
import { latestCode, send } from './support/sign-in.ts';

/** `npm start` on a data dir an earlier version wrote: it migrates once, in one line, before serving. */

const dataDir = mkdtempSync(join(tmpdir(), 'romact-e2e-migrate-'));
let server: ServerProcess | undefined;

afterAll(async () => {
  await server?.kill('SIGTERM');
  if (server) removeDataDir(server);
});

/** A municipality as the first version stored it: a profile without the country index, contacts apart. */
async function writeOldDataDir() {
  const runtime = await startLocalRuntime({ dataDir });
  const dynamo = runtime.dynamo;
  if (!dynamo) throw new Error('no table');
  const client = documentClient(dynamo.client);
  const put = (Item: Record<string, unknown>) =>
    client.send(new PutCommand({ TableName: dynamo.tableName, Item }));
  await put({
    PK: 'MUNI#bg-legacy',
    SK: '#PROFILE',
    municipalityId: 'bg-legacy',
    name: 'Lom – Humata',
    country: 'BG',
    locale: 'bg',
    timeZone: 'Europe/Sofia',
    updatedAt: '2026-11-25T00:00:00.000Z',
  });
  await put({
    PK: 'MUNI#bg-legacy',
    SK: 'CONTACTS',
    municipality: [{ name: 'Lom Staff', email: 'staff@lom.example', locale: 'bg' }],
    cag: [{ name: 'Lom CAG', phone: '+359888800001' }],
  });
  await runtime.close();
}

describe('npm start on data written before people', () => {
  it('migrates at start with one line of counts; the contacts sign in as people; the next start is quiet', async () => {
    await writeOldDataDir();
    server = await startServer({ dataDir });
    const lines = server.output().split('\n');
    expect(lines.filter((line) => line.includes('migrated data written before people'))).toEqual([
      expect.stringMatching(
        / migrated data written before people: 1 municipality indexed by country, 2 contact\(s\) now people with memberships, 1 old contacts item\(s\) removed$/,
      ),
    ]);
    // The migration is logged before the server says it listens (before any request or cycle).
    const migratedAt = lines.findIndex((line) => line.includes('migrated data'));
    expect(migratedAt).toBeLessThan(lines.findIndex((line) => line.includes('listening on')));
    expect(server.output()).not.toContain('staff@lom.example');

    const admin = await server.token({ role: 'coordinator', countries: 'BG' });
    const members = await send(server, 'GET', '/municipalities/bg-legacy/members', { token: admin });
    expect(
      members.body.items.map((one: { displayName: string; role: string }) => [one.role, one.displayName]),
    ).toEqual([
      ['cag', 'Lom CAG'],
      ['municipality', 'Lom Staff'],
    ]);
    expect((await send(server, 'GET', '/municipalities/bg-legacy', { token: admin })).body.contacts).toEqual({
      municipality: [],
      cag: [],
      coordinator: [],
    });
    const started = await send(server, 'POST', '/auth/start', {
      body: { channel: 'sms', address: '+359888800001' },
    });
    expect(started.status).toBe(202);
    const { code } = await latestCode(server, admin, '+359888800001');
    const signedIn = await send(server, 'POST', '/auth/verify', {
      body: { channel: 'sms', address: '+359888800001', code },
    });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.memberships).toEqual([
      expect.objectContaining({ role: 'cag', municipalityId: 'bg-legacy', country: 'BG' }),
    ]);

    expect(await server.kill('SIGTERM')).toBe(0);
    server = await startServer({ dataDir });
    expect(server.output()).not.toContain('migrated');
    const again = await send(server, 'GET', '/municipalities/bg-legacy/members', { token: admin });
    expect(again.body.items).toHaveLength(2);
  });
});
