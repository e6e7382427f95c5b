import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appLinks } from '#shared/domain/model/app-links.ts';
import type { Message } from '#shared/domain/model/message.ts';
import { taskIdOf } from '#shared/domain/model/task.ts';
import { catalogFor } from '#shared/domain/notifications/catalogs/index.ts';
import { wording } from '#shared/domain/notifications/catalogs/plural.ts';
import type { OutboundMessage } from '#shared/domain/ports.ts';
import { sweepDeadlines } from '#shared/domain/usecases/notifications/sweep-deadlines.ts';
import { call, outputs } from '../../support/api.ts';
import { eventually, parkedOn, testRuntime } from '../../support/runtime.ts';
import { addMunicipality, addPerson, admin } from '../support/people.ts';

/**
 * Notifications reach people: the members who hold a task's role and the coordinators of the municipality's
 * country, each in their language, on the channels they chose, after their quiet hours; and a notification nobody
 * can receive is kept for the coordinators instead of vanishing.
 */

const START = new Date('2027-01-04T09:00:00.000Z');
const DAY = 86_400_000;
let env: Awaited<ReturnType<typeof testRuntime>>;

beforeEach(async () => {
  env = await testRuntime(START);
});
afterEach(async () => {
  await env.runtime.close();
});

const bulgarian = { country: 'BG', locale: 'bg', timeZone: 'Europe/Sofia' };

async function startCycle(municipalityId: string, due: Record<string, string> = {}) {
  const started = await call('POST', '/cycles', {
    claims: admin,
    body: { municipalityId, clientToken: `cycle-${municipalityId}`, dueOverrides: due },
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  await parkedOn(env.ports, started.body.cycleId, 'needs-assessment', env.engine);
  return started.body.cycleId as string;
}

/** Runs the sweep once a day at 09:00 UTC, from day `from` to day `to`. */
async function sweepDaily(from: number, to: number) {
  for (let day = from; day <= to; day++) {
    env.clock.set(new Date(START.getTime() + day * DAY));
    await sweepDeadlines(env.ports);
  }
}

const to = (address: string) => env.runtime.outbox.list({ recipient: address });
/** The words a message of this kind starts with in a language (before its first placeholder). */
const prefixOf = (locale: string, kind: 'assigned' | 'escalated') =>
  (wording(catalogFor(locale).catalog[kind], 7, locale).split('{')[0] as string).trim();

describe('Escalations reach the coordinators of the country', () => {
  it('sends the escalation to every coordinator of the municipality’s country, each in their language, and to nobody else', async () => {
    await addMunicipality('bg-escalate', { name: 'Sliven – Nadezhda', ...bulgarian });
    const staff = await addPerson({
      displayName: 'Staff Member',
      role: 'municipality',
      municipalityId: 'bg-escalate',
      email: 'staff@sliven.example',
      locale: 'bg',
    });
    const bgByEmail = await addPerson({
      displayName: 'Bulgarian Coordinator',
      role: 'coordinator',
      countries: ['BG'],
      email: 'coordinator.bg@romact.example',
      locale: 'bg',
    });
    const bgByPhone = await addPerson({
      displayName: 'English Coordinator',
      role: 'coordinator',
      countries: ['BG'],
      phone: '+359888300002',
      locale: 'en',
    });
    const ro = await addPerson({
      displayName: 'Romanian Coordinator',
      role: 'coordinator',
      countries: ['RO'],
      email: 'coordinator.ro@romact.example',
      locale: 'ro',
    });

    const cycleId = await startCycle('bg-escalate', { 'needs-assessment': 'P10D' });
    await sweepDaily(0, 19);

    const escalations = env.runtime.outbox.list().filter((message) => message.kinds.includes('escalated'));
    expect(escalations.map((message) => message.recipient.address).sort()).toEqual(
      ['+359888300002', 'coordinator.bg@romact.example'].sort(),
    );
    const byAddress = new Map(escalations.map((message) => [message.recipient.address, message]));
    const inBulgarian = byAddress.get('coordinator.bg@romact.example') as OutboundMessage;
    const inEnglish = byAddress.get('+359888300002') as OutboundMessage;
    expect(inBulgarian).toMatchObject({ channel: 'email', recipient: { role: 'coordinator', locale: 'bg' } });
    expect(inBulgarian.text).toContain(prefixOf('bg', 'escalated'));
    expect(inBulgarian.text).toContain('Sliven – Nadezhda');
    expect(inBulgarian.text).toContain(appLinks.task('', taskIdOf(cycleId, 'needs-assessment', 0)));
    expect(inEnglish).toMatchObject({ channel: 'sms', recipient: { role: 'coordinator', locale: 'en' } });
    expect(inEnglish.text).toContain(prefixOf('en', 'escalated'));
    expect(inEnglish.text).toMatch(/\/t\/[A-Za-z0-9_-]{10}/);

    // The Romanian coordinator heard nothing at all; the staff member heard of the task, not the escalation.
    expect(to('coordinator.ro@romact.example')).toEqual([]);
    expect((await call('GET', '/notifications', { claims: ro.claims })).body.items).toEqual([]);
    expect(to('staff@sliven.example').flatMap((message) => message.kinds)).not.toContain('escalated');
    expect(to('staff@sliven.example').flatMap((message) => message.kinds)).toContain('assigned');
    for (const coordinator of [bgByEmail, bgByPhone]) {
      const listed = (await call('GET', '/notifications', { claims: coordinator.claims })).body
        .items as Message[];
      expect(listed.map((message) => [message.kinds, message.status])).toEqual([[['escalated'], 'SENT']]);
    }
    const staffListed = (await call('GET', '/notifications', { claims: staff.claims })).body
      .items as Message[];
    expect(staffListed.flatMap((message) => message.kinds)).not.toContain('escalated');
  });
});

describe('Notifications nobody can receive', () => {
  it('stores the assignment of a task whose municipality has no CAG member yet as UNDELIVERABLE, for the coordinators of its country only', async () => {
    await addMunicipality('bg-no-cag', { name: 'Lom – Humata', ...bulgarian });
    const staff = await addPerson({
      displayName: 'Staff Member',
      role: 'municipality',
      municipalityId: 'bg-no-cag',
      email: 'staff@lom.example',
    });
    const bgCoordinator = await addPerson({
      displayName: 'BG Coordinator',
      role: 'coordinator',
      countries: ['BG'],
      email: 'coordinator@bg.example',
    });
    const roCoordinator = await addPerson({
      displayName: 'RO Coordinator',
      role: 'coordinator',
      countries: ['RO'],
      email: 'coordinator@ro.example',
    });
    const cycleId = await startCycle('bg-no-cag');
    const task = await eventually(
      async () => (await call('GET', '/tasks', { claims: staff.claims })).body.items?.[0],
    );
    expect(
      (
        await call('POST', `/tasks/${task.taskId}/complete`, {
          claims: staff.claims,
          body: outputs['needs-assessment'],
        })
      ).status,
    ).toBe(200);
    await parkedOn(env.ports, cycleId, 'community-consultation', env.engine);

    const undeliverable = await call('GET', '/notifications', {
      claims: bgCoordinator.claims,
      query: { undeliverable: 'true' },
    });
    expect(undeliverable.status).toBe(200);
    expect(undeliverable.body.items).toHaveLength(1);
    expect(undeliverable.body.items[0]).toMatchObject({
      status: 'UNDELIVERABLE',
      role: 'cag',
      municipalityId: 'bg-no-cag',
      municipalityName: 'Lom – Humata',
      cycleIds: [cycleId],
      kinds: ['assigned'],
    });
    expect(undeliverable.body.items[0].userId).toBeUndefined();
    // The notification is settled, not left to retry for ever, and nothing was sent to anyone for it.
    const records = await env.ports.notifications.listByCycle(cycleId);
    const consultation = records.filter(
      (record) => record.taskId === taskIdOf(cycleId, 'community-consultation', 0),
    );
    expect(consultation.map((record) => [record.kind, record.status, record.messages])).toEqual([
      ['assigned', 'DELIVERED', 0],
    ]);
    expect(env.runtime.outbox.list().filter((message) => message.recipient.role === 'cag')).toEqual([]);

    const otherCountry = await call('GET', '/notifications', {
      claims: roCoordinator.claims,
      query: { undeliverable: 'true' },
    });
    expect(otherCountry.status).toBe(200);
    expect(otherCountry.body.items).toEqual([]);
    const notCoordinator = await call('GET', '/notifications', {
      claims: staff.claims,
      query: { undeliverable: 'true' },
    });
    expect(notCoordinator.status).toBe(403);
  });
});

describe('Each person’s quiet hours, language and channels', () => {
  it('holds a message until the quiet hours end in the person’s own time zone, and sends it then, once', async () => {
    await addMunicipality('bg-quiet', { name: 'Kyustendil – Iztok', ...bulgarian });
    const inSofia = await addPerson({
      displayName: 'Sofia Sleeper',
      role: 'municipality',
      municipalityId: 'bg-quiet',
      email: 'sleeper@kyustendil.example',
      timeZone: 'Europe/Sofia',
    });
    const inLisbon = await addPerson({
      displayName: 'Lisbon Worker',
      role: 'municipality',
      municipalityId: 'bg-quiet',
      email: 'lisbon@kyustendil.example',
      timeZone: 'Europe/Lisbon',
    });
    for (const person of [inSofia, inLisbon]) {
      const patched = await call('PATCH', '/me', {
        claims: person.claims,
        body: { preferences: { quietHours: { start: '21:00', end: '07:00' } } },
      });
      expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    }

    // 20:00 UTC on a winter Monday: 22:00 in Sofia (quiet), 20:00 in Lisbon (not yet).
    env.clock.set(new Date('2027-01-04T20:00:00.000Z'));
    await startCycle('bg-quiet');
    expect(to('lisbon@kyustendil.example').map((message) => message.kinds)).toEqual([['assigned']]);
    expect(to('sleeper@kyustendil.example')).toEqual([]);
    const held = (await call('GET', '/notifications', { claims: inSofia.claims })).body.items as Message[];
    expect(held.map((message) => [message.status, message.sendAfter])).toEqual([
      ['PENDING', '2027-01-05T05:00:00.000Z'],
    ]);

    // Sweeps inside the window send nothing; the first after 07:00 in Sofia sends it; later ones nothing more.
    for (const at of ['2027-01-04T23:30:00.000Z', '2027-01-05T04:59:00.000Z']) {
      env.clock.set(new Date(at));
      await sweepDeadlines(env.ports);
      expect(to('sleeper@kyustendil.example'), at).toEqual([]);
    }
    for (const at of ['2027-01-05T05:00:00.000Z', '2027-01-05T05:15:00.000Z', '2027-01-06T09:00:00.000Z']) {
      env.clock.set(new Date(at));
      await sweepDeadlines(env.ports);
    }
    const sent = to('sleeper@kyustendil.example');
    expect(sent.map((message) => [message.kinds, message.createdAt])).toEqual([
      [['assigned'], '2027-01-05T05:00:00.000Z'],
    ]);
    const listed = (await call('GET', '/notifications', { claims: inSofia.claims })).body.items as Message[];
    expect(listed.map((message) => message.status)).toEqual(['SENT']);
  });

  it('refuses a choice of channels that leaves the person none to be reached on, naming the field', async () => {
    await addMunicipality('bg-choice', { name: 'Vidin – Nov Pat', ...bulgarian });
    const emailOnly = await addPerson({
      displayName: 'Email Only',
      role: 'municipality',
      municipalityId: 'bg-choice',
      email: 'email.only@vidin.example',
    });
    for (const channels of [['sms'], []]) {
      const refused = await call('PATCH', '/me', {
        claims: emailOnly.claims,
        body: { preferences: { channels } },
      });
      expect(refused.status, JSON.stringify(channels)).toBe(400);
      expect(refused.body.error.fields).toEqual([
        { path: 'preferences.channels', message: 'must include one you have: "email"' },
      ]);
    }
    const both = await call('PATCH', '/me', {
      claims: emailOnly.claims,
      body: { preferences: { channels: ['email', 'sms'] } },
    });
    expect(both.status).toBe(200);
    expect(both.body.user.preferences.channels).toEqual(['email', 'sms']);
  });

  it('writes to each person in their own language, on the channels they chose', async () => {
    await addMunicipality('bg-languages', {
      name: 'Pleven – Storgozia',
      ...bulgarian,
    });
    // Two members with both an email and a phone, made from the municipality's contacts.
    const saved = await call('PUT', '/municipalities/bg-languages', {
      claims: admin,
      body: {
        name: 'Pleven – Storgozia',
        ...bulgarian,
        contacts: {
          municipality: [
            { name: 'Ioana Popescu', email: 'ioana@pleven.example', phone: '+359888400001', locale: 'ro' },
            { name: 'Petar Petrov', email: 'petar@pleven.example', phone: '+359888400002', locale: 'bg' },
          ],
        },
      },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const members = (await call('GET', '/municipalities/bg-languages/members', { claims: admin })).body.items;
    const ioana = members.find((member: { displayName: string }) => member.displayName === 'Ioana Popescu');
    expect(ioana.channels.map((channel: { type: string }) => channel.type).sort()).toEqual(['email', 'sms']);
    const ioanaClaims = {
      role: 'municipality',
      municipality: 'bg-languages',
      sub: ioana.userId,
      name: 'Ioana Popescu',
      membership: ioana.membershipId,
    };
    const chose = await call('PATCH', '/me', {
      claims: ioanaClaims,
      body: { preferences: { channels: ['sms'] } },
    });
    expect(chose.status, JSON.stringify(chose.body)).toBe(200);

    await startCycle('bg-languages');

    const ioanaMessages = [...to('ioana@pleven.example'), ...to('+359888400001')];
    expect(ioanaMessages.map((message) => [message.channel, message.recipient.locale])).toEqual([
      ['sms', 'ro'],
    ]);
    expect(ioanaMessages[0]?.text).toContain(prefixOf('ro', 'assigned'));
    const petarMessages = [...to('petar@pleven.example'), ...to('+359888400002')];
    expect(petarMessages.map((message) => [message.channel, message.recipient.locale]).sort()).toEqual([
      ['email', 'bg'],
      ['sms', 'bg'],
    ]);
    for (const message of petarMessages) expect(message.text).toContain(prefixOf('bg', 'assigned'));
  });
});
