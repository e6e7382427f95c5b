import { beforeEach, describe, expect, it } from 'vitest';
import { InvalidInputError } from '#shared/domain/errors.ts';
import type { Caller } from '#shared/domain/model/caller.ts';
import { getMe } from '#shared/domain/usecases/people/get-me.ts';
import { UpdateMeBody, updateMe } from '#shared/domain/usecases/people/update-me.ts';
import { givenMunicipality, rejection, type UnitEnv, unitPorts } from '../../../../../support/unit-ports.ts';

/**
 * PATCH /me takes the fields to change, or what GET /me answered with changes made in `user`, and answers as
 * GET /me does. What it cannot change is refused by name when it differs, and nothing is written.
 */

let env: UnitEnv;
let caller: Caller;

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  const user = await env.ports.users.findByAddress('email', 'contact@plovdiv.example');
  const [membership] = user ? await env.ports.users.memberships(user.userId) : [];
  if (!user || !membership) throw new Error('the fixture has no staff member');
  caller = {
    role: 'municipality',
    municipalityId: 'bg-stolipinovo',
    userId: user.userId,
    membershipId: membership.membershipId,
  };
});

const patch = (body: unknown) => updateMe(env.ports, caller, UpdateMeBody.parse(body));

describe('updateMe', () => {
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
