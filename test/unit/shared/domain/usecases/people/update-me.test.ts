import { beforeEach, describe, expect, it } from 'vitest';
import { fieldIssues, InvalidInputError, UnauthenticatedError } from '#shared/domain/errors.ts';
import type { Caller } from '#shared/domain/model/caller.ts';
import { getMe } from '#shared/domain/usecases/people/get-me.ts';
import { UpdateMeBody, updateMe } from '#shared/domain/usecases/people/update-me.ts';
import { personCaller } from '../../../../../support/signed-in.ts';
import {
  callers,
  givenMunicipality,
  rejection,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  env.writes.length = 0;
});

const update = async (address: string, body: Record<string, unknown>, channel: 'email' | 'sms' = 'email') =>
  updateMe(env.ports, await personCaller(env, address, { channel }), UpdateMeBody.parse(body));

describe('updateMe', () => {
  it('changes the name, language and time zone, and keeps the rest', async () => {
    const { user } = await update('cag@example.org', {
      displayName: ' Maria ',
      locale: 'ro',
      timeZone: 'Europe/Bucharest',
    });
    expect(user).toMatchObject({
      displayName: 'Maria',
      locale: 'ro',
      timeZone: 'Europe/Bucharest',
      channels: [{ address: 'cag@example.org' }],
    });
    expect(user.updatedAt).toBe(env.clock.now().toISOString());
  });

  it('merges notification preferences: quiet hours set later keep the chosen channels', async () => {
    await update('cag@example.org', { preferences: { channels: ['email'] } });
    const { user } = await update('cag@example.org', {
      preferences: { quietHours: { start: '21:00', end: '07:30' } },
    });
    expect(user.preferences).toEqual({ channels: ['email'], quietHours: { start: '21:00', end: '07:30' } });
  });

  it('refuses a channel choice that leaves nothing to send on (400 naming preferences.channels), writing nothing', async () => {
    const error = await rejection(update('+359888000111', { preferences: { channels: ['email'] } }, 'sms'));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.fields).toEqual([
      { path: 'preferences.channels', message: 'must include one you have: "sms"' },
    ]);
    expect(env.writes).toEqual([]);
  });

  it('is only for a signed-in person (401 for a script token)', async () => {
    expect(await rejection(updateMe(env.ports, callers.cag, {}))).toBeInstanceOf(UnauthenticatedError);
  });
});

describe('UpdateMeBody', () => {
  it('names each bad field at its path', () => {
    const parsed = UpdateMeBody.safeParse({
      displayName: '   ',
      timeZone: 'Europe/Atlantis',
      preferences: { quietHours: { start: '25:00', end: '7:00' }, channels: ['fax'] },
      role: 'coordinator',
    });
    expect(
      fieldIssues(parsed.error?.issues ?? [])
        .map((issue) => issue.path)
        .sort(),
    ).toEqual([
      'displayName',
      'preferences.channels.0',
      'preferences.quietHours.end',
      'preferences.quietHours.start',
      'role',
      'timeZone',
    ]);
  });
});

describe('updateMe with GET /me’s shape', () => {
  let caller: Caller;
  beforeEach(async () => {
    caller = await personCaller(env, 'contact@plovdiv.example');
  });
  const patch = (body: unknown) => updateMe(env.ports, caller, UpdateMeBody.parse(body));

  it('changes the fields sent and answers as GET /me, memberships named', async () => {
    const answer = await patch({ displayName: 'Mira Petrova', locale: 'bg', timeZone: 'Europe/Sofia' });

    expect(answer.user).toMatchObject({
      displayName: 'Mira Petrova',
      locale: 'bg',
      timeZone: 'Europe/Sofia',
    });
    expect(answer.user).not.toHaveProperty('calendarToken');
    expect(answer.memberships).toEqual([
      expect.objectContaining({ role: 'municipality', municipalityName: 'Plovdiv – Stolipinovo' }),
    ]);
    expect(answer).toEqual(await getMe(env.ports, caller));
  });

  it('takes back what GET /me answered, with the changes made in it', async () => {
    // Prepare: what a page read, JSON round trip and all
    const read = JSON.parse(JSON.stringify(await getMe(env.ports, caller)));
    read.user.displayName = 'Mira';
    read.user.preferences = { quietHours: { start: '21:00', end: '07:00' } };

    // Act
    const answer = await patch(read);

    // Assess
    expect(answer.user.displayName).toBe('Mira');
    expect(answer.user.preferences.quietHours).toEqual({ start: '21:00', end: '07:00' });
    expect((await getMe(env.ports, caller)).user.displayName).toBe('Mira');
  });

  it('refuses a changed channel, another person’s id or another membership by name, and writes nothing', async () => {
    const read = JSON.parse(JSON.stringify(await getMe(env.ports, caller)));
    read.user.displayName = 'Not saved';
    read.user.channels = [{ type: 'email', address: 'someone.else@example.org' }];
    read.user.userId = 'usr-someone-else';
    read.activeMembershipId = 'mem-someone-else';

    const error = await rejection(patch(read));

    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.fields.map((field: { path: string }) => field.path)).toEqual([
      'user.userId',
      'user.channels',
      'activeMembershipId',
    ]);
    expect((await getMe(env.ports, caller)).user.displayName).not.toBe('Not saved');
  });

  it('names the field under "user" when the chosen channels leave the person none', async () => {
    const read = JSON.parse(JSON.stringify(await getMe(env.ports, caller)));
    read.user.preferences = { channels: ['sms'] };

    const error = await rejection(patch(read));

    expect(error.fields).toEqual([
      { path: 'user.preferences.channels', message: 'must include one you have: "email"' },
    ]);
  });

  it('refuses a field sent at the top and under "user" with two different values, and takes it when they agree', async () => {
    const parsed = UpdateMeBody.safeParse({ displayName: 'A', user: { displayName: 'B' } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['displayName']);

    const answer = await patch({ displayName: 'Same', user: { displayName: 'Same' } });
    expect(answer.user.displayName).toBe('Same');
  });
});
