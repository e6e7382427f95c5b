import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '#infra/local/runtime.ts';
import { manualClock } from '#shared/domain/clock.ts';
import { erasedName } from '#shared/domain/usecases/people/erase-user.ts';
import { call, outputs, useRuntime } from '../../support/api.ts';
import { eventually, parkedOn } from '../../support/runtime.ts';
import { addMunicipality, addPerson, admin, type TestPerson } from '../support/people.ts';

/**
 * A person's data rights on the local runtime with its data dir (the outbox files included): the export holds
 * everything about them; the erasure removes their addresses, name and messages everywhere they were kept, while
 * the audit trail keeps what they did under a pseudonym.
 */

const EMAIL = 'mira.ivanova@rights.example';
const PHONE = '+359888500001';
const NAME = 'Mira Ivanova';

let dataDir: string;
let runtime: LocalRuntime;
let mira: TestPerson;
let coordinator: TestPerson;
let cycleId: string;

/** Every file under a folder, with its text. */
function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [{ path, text: readFileSync(path, 'utf8') }];
  });
}

/** Every item of the table, as JSON. */
async function tableText(): Promise<string> {
  const dynamo = runtime.dynamo;
  if (!dynamo) throw new Error('no table');
  const scan = await dynamo.client.send(
    new ScanCommand({ TableName: dynamo.tableName, ConsistentRead: true }),
  );
  return JSON.stringify(scan.Items ?? []);
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'romact-rights-'));
  runtime = await startLocalRuntime({ dataDir, clock: manualClock(new Date('2027-01-04T09:00:00.000Z')) });
  useRuntime(runtime);
  await addMunicipality('bg-rights', {
    name: 'Vidin – Nov Pat',
    country: 'BG',
    locale: 'bg',
    timeZone: 'Europe/Sofia',
  });
  coordinator = await addPerson({
    displayName: 'Programme Coordinator',
    role: 'coordinator',
    countries: ['BG'],
    email: 'coordinator@rights.example',
  });
  mira = await addPerson({
    displayName: NAME,
    role: 'municipality',
    municipalityId: 'bg-rights',
    email: EMAIL,
    phone: PHONE,
    locale: 'bg',
  });

  // Mira signs in (a code, a session, a rate-limit count), is told of her task and completes it.
  expect((await call('POST', '/auth/start', { body: { channel: 'email', address: EMAIL } })).status).toBe(
    202,
  );
  const code = /\b(\d{6})\b/.exec(runtime.outbox.list({ recipient: EMAIL }).at(-1)?.text ?? '')?.[1];
  expect(
    (await call('POST', '/auth/verify', { body: { channel: 'email', address: EMAIL, code } })).status,
  ).toBe(200);
  const started = await call('POST', '/cycles', { claims: admin, body: { municipalityId: 'bg-rights' } });
  cycleId = started.body.cycleId;
  await parkedOn(runtime.ports, cycleId, 'needs-assessment', runtime.engine);
  const task = await eventually(
    async () => (await call('GET', '/tasks', { claims: mira.claims })).body.items?.[0],
  );
  const completed = await call('POST', `/tasks/${task.taskId}/complete`, {
    claims: mira.claims,
    body: outputs['needs-assessment'],
  });
  expect(completed.status, JSON.stringify(completed.body)).toBe(200);
  await parkedOn(runtime.ports, cycleId, 'community-consultation', runtime.engine);
});
afterAll(async () => {
  await runtime?.close();
  useRuntime(undefined);
  rmSync(dataDir, { recursive: true, force: true });
});

describe('A person’s data rights', () => {
  it('adds a person with both an email and a phone when both are given', async () => {
    const me = await call('GET', '/me', { claims: mira.claims });
    expect(
      me.body.user.channels.map((channel: { type: string; address: string }) => channel.address),
    ).toEqual([EMAIL, PHONE]);
  });

  it('exports the person’s profile, memberships, messages and actions as JSON', async () => {
    const exported = await call('GET', '/me/export', { claims: mira.claims });
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toMatch(/json/);
    const { user, memberships, messages, actions } = exported.body;
    expect(user).toMatchObject({ userId: mira.userId, displayName: NAME, locale: 'bg', status: 'ACTIVE' });
    expect(user.calendarToken).toBeUndefined();
    expect(user.channels.map((channel: { address: string }) => channel.address)).toEqual([EMAIL, PHONE]);
    expect(user.channels[0].verifiedAt).toEqual(expect.any(String));
    expect(memberships).toEqual([
      expect.objectContaining({
        membershipId: mira.membershipId,
        role: 'municipality',
        municipalityId: 'bg-rights',
      }),
    ]);
    expect(
      messages
        .map((message: { channel: string; kinds: string[] }) => [message.channel, message.kinds])
        .sort(),
    ).toEqual([
      ['email', ['assigned']],
      ['sms', ['assigned']],
    ]);
    expect(messages.every((message: { userId: string }) => message.userId === mira.userId)).toBe(true);
    const completion = actions.find((event: { type: string }) => event.type === 'task.completed');
    expect(completion).toMatchObject({
      cycleId,
      actor: {
        kind: 'person',
        userId: mira.userId,
        name: NAME,
        role: 'municipality',
        membershipId: mira.membershipId,
      },
    });
    expect(actions.every((event: { actor: { userId?: string } }) => event.actor.userId === mira.userId)).toBe(
      true,
    );
  });

  it('erases the person: addresses, name and messages go everywhere, the audit keeps the action under a pseudonym', async () => {
    const before = await tableText();
    expect(before).toContain(NAME);
    expect(filesUnder(join(dataDir, 'outbox')).some((file) => file.text.includes(EMAIL))).toBe(true);
    expect(filesUnder(join(dataDir, 'outbox')).some((file) => file.text.includes(PHONE))).toBe(true);

    const erased = await call('DELETE', `/users/${mira.userId}`, { claims: coordinator.claims });
    expect(erased.status, JSON.stringify(erased.body)).toBe(200);
    expect(erased.body).toEqual({ erased: true });

    // Her token no longer works; she is no member any more; her messages are gone.
    expect((await call('GET', '/me', { claims: mira.claims })).status).toBe(401);
    const members = await call('GET', '/municipalities/bg-rights/members', { claims: coordinator.claims });
    expect(members.body.items.map((member: { userId: string }) => member.userId)).not.toContain(mira.userId);
    expect((await runtime.ports.messages.listForUser(mira.userId, { limit: 100 })).items).toEqual([]);
    const stored = await runtime.ports.users.get(mira.userId);
    expect(stored).toMatchObject({ status: 'ERASED', displayName: erasedName(mira.userId), channels: [] });

    // The completion stays in the audit trail, under a pseudonym.
    const cycle = await call('GET', `/cycles/${cycleId}`, { claims: coordinator.claims });
    expect(cycle.status).toBe(200);
    const completion = cycle.body.audit.find((event: { type: string }) => event.type === 'task.completed');
    expect(completion.actor).toMatchObject({
      kind: 'person',
      userId: mira.userId,
      name: erasedName(mira.userId),
    });
    expect(JSON.stringify(cycle.body)).not.toContain(NAME);

    // Neither the outbox (its index, its readable files) nor any item of the table holds her name or addresses.
    for (const file of filesUnder(join(dataDir, 'outbox'))) {
      expect(file.text, file.path).not.toContain(EMAIL);
      expect(file.text, file.path).not.toContain(PHONE);
    }
    expect(
      runtime.outbox.list().filter((message) => [EMAIL, PHONE].includes(message.recipient.address)),
    ).toEqual([]);
    const after = await tableText();
    for (const personal of [EMAIL, PHONE, NAME]) expect(after, personal).not.toContain(personal);

    // Her addresses are free: a new person can take them.
    const again = await call('POST', '/users', {
      claims: admin,
      body: {
        displayName: 'Somebody New',
        role: 'cag',
        municipalityId: 'bg-rights',
        email: EMAIL,
        phone: PHONE,
      },
    });
    expect(again.status, JSON.stringify(again.body)).toBe(201);
    expect(again.body.user.userId).not.toBe(mira.userId);
    expect(again.body.user.channels.map((channel: { address: string }) => channel.address)).toEqual([
      EMAIL,
      PHONE,
    ]);
  });
});
