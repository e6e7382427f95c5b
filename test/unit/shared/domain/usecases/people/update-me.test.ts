import { beforeEach, describe, expect, it } from 'vitest';
import { fieldIssues, InvalidInputError, UnauthenticatedError } from '#shared/domain/errors.ts';
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
    const user = await update('cag@example.org', {
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
    const user = await update('cag@example.org', {
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
