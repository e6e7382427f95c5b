import { beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError } from '#shared/domain/errors.ts';
import { verifySignIn } from '#shared/domain/usecases/auth/verify-sign-in.ts';
import { InviteBody, inviteMember } from '#shared/domain/usecases/people/invite-member.ts';
import { claimsOf, lastCodeSentTo, personCaller } from '../../../../../support/signed-in.ts';
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

const invite = (
  caller: Parameters<typeof inviteMember>[1],
  fields: Record<string, unknown>,
  municipalityId = 'bg-stolipinovo',
) =>
  inviteMember(
    env.ports,
    caller,
    municipalityId,
    InviteBody.parse({
      displayName: 'Ivan',
      channel: 'email',
      address: 'ivan@example.org',
      role: 'cag',
      ...fields,
    }),
  );

describe('inviteMember', () => {
  it('makes the person a member, in the municipality’s language and time zone, and sends an invitation code they sign in with', async () => {
    const staff = await personCaller(env, 'contact@plovdiv.example');
    const invited = await invite(staff, { role: 'cag' });

    expect(invited).toMatchObject({
      role: 'cag',
      municipalityId: 'bg-stolipinovo',
      country: 'BG',
      displayName: 'Ivan',
      invitedBy: staff.userId,
    });
    const user = await env.ports.users.get(invited.userId);
    expect(user).toMatchObject({ locale: 'bg', timeZone: 'Europe/Sofia' });
    const [message] = env.notifier.messages;
    expect(message).toMatchObject({
      channel: 'email',
      kinds: ['invitation'],
      recipient: { address: 'ivan@example.org', locale: 'bg' },
    });
    expect(message?.text).toContain('Plovdiv – Stolipinovo');

    // The invitation's code is still good days later (a sign-in code would have expired).
    env.clock.advance(3 * 86_400_000);
    const signedIn = await verifySignIn(env.ports, {
      channel: 'email',
      address: 'ivan@example.org',
      code: lastCodeSentTo(env, 'ivan@example.org'),
    });
    expect(claimsOf(signedIn.accessToken)).toMatchObject({ role: 'cag', municipality: 'bg-stolipinovo' });
  });

  it('invites a phone-only CAG member by SMS, in the language asked for', async () => {
    await invite(callers.coordinator, {
      channel: 'sms',
      address: '+359888555444',
      locale: 'ro',
      role: 'cag',
    });
    expect(env.notifier.messages).toEqual([
      expect.objectContaining({
        channel: 'sms',
        recipient: expect.objectContaining({ address: '+359888555444', locale: 'ro' }),
      }),
    ]);
  });

  it('lets a coordinator invite staff; the same invitation twice makes one membership', async () => {
    const first = await invite(callers.coordinator, { role: 'municipality' });
    const again = await invite(callers.coordinator, { role: 'municipality' });
    expect(again.membershipId).toBe(first.membershipId);
    expect(await env.ports.users.memberships(first.userId)).toHaveLength(1);
  });

  it('adds a membership to someone who already has the address, keeping their name and language', async () => {
    const invited = await invite(callers.coordinator, {
      role: 'municipality',
      address: 'cag@example.org',
      displayName: 'Someone Else',
      locale: 'en',
    });
    expect(invited.displayName).toBe('CAG Member');
    expect((await env.ports.users.memberships(invited.userId)).map((one) => one.role).sort()).toEqual([
      'cag',
      'municipality',
    ]);
  });

  it('refuses staff inviting staff (403 naming role), and CAG members inviting anyone, writing nothing', async () => {
    const error = await rejection(invite(callers.municipality, { role: 'municipality' }));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.fields).toEqual([{ path: 'role', message: 'must be "cag" when the municipality invites' }]);
    expect(await rejection(invite(callers.cag, { role: 'cag' }))).toBeInstanceOf(ForbiddenError);
    expect(env.writes).toEqual([]);
    expect(env.notifier.messages).toEqual([]);
  });

  it('does not reveal another tenant’s municipality, nor an unknown one (404)', async () => {
    for (const caller of [callers.otherMunicipality, callers.otherCoordinator, callers.otherCag])
      expect(await rejection(invite(caller, { role: 'cag' }))).toBeInstanceOf(NotFoundError);
    expect(await rejection(invite(callers.coordinator, { role: 'cag' }, 'bg-nowhere'))).toBeInstanceOf(
      NotFoundError,
    );
    expect(env.writes).toEqual([]);
  });
});

describe('InviteBody', () => {
  it('refuses a coordinator role (invitations are to a municipality), naming role', () => {
    const parsed = InviteBody.safeParse({
      displayName: 'Ivan',
      channel: 'email',
      address: 'ivan@example.org',
      role: 'coordinator',
    });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['role']);
  });
});
