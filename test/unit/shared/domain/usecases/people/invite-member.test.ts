import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryUserDirectory } from '#shared/adapters/memory/user-directory.ts';
import { ForbiddenError, NotFoundError } from '#shared/domain/errors.ts';
import { addressKey } from '#shared/domain/model/user.ts';
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

// The directory (Cognito on AWS, a memory one locally): ids, addresses and sign-out come from it.
const invitation = (address = '+359888000555') =>
  InviteBody.parse({ role: 'cag', displayName: 'Mariya Asenova', channel: 'sms', address });

describe('inviteMember and the user directory', () => {
  it('where the directory sends the codes (Cognito on AWS): registers the person there and sends an invitation without a code of ours', async () => {
    // Prepare
    const env = unitPorts();
    const directory = new MemoryUserDirectory({ sendsSignInCodes: true });
    env.ports.directory = directory;
    await givenMunicipality(env.ports);

    // Act
    const membership = await inviteMember(env.ports, callers.municipality, 'bg-stolipinovo', invitation());

    // Assess: the person is the directory's, nothing of the local sign-in is stored, the message says where to go
    expect(directory.holderOf('sms', '+359888000555')).toBe(membership.userId);
    expect(await env.ports.signIn.getCode(addressKey('sms', '+359888000555'))).toBeUndefined();
    const sent = env.notifier.messages.filter((message) => message.kinds.includes('invitation'));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.recipient.address).toBe('+359888000555');
    expect(sent[0]?.text).toContain('https://romact.example.org');
    expect(sent[0]?.text).not.toMatch(/\d{6}/);
  });

  it('where the engine signs people in (locally): the invitation carries a code that is stored, hashed', async () => {
    const env = unitPorts();
    env.ports.directory = new MemoryUserDirectory();
    await givenMunicipality(env.ports);

    await inviteMember(env.ports, callers.municipality, 'bg-stolipinovo', invitation());

    const code = await env.ports.signIn.getCode(addressKey('sms', '+359888000555'));
    expect(code?.purpose).toBe('invitation');
    const sent = env.notifier.messages.find((message) => message.kinds.includes('invitation'));
    expect(sent?.text).toMatch(/\b\d{6}\b/);
  });

  it('invites the same address twice as one person, registered once', async () => {
    const env = unitPorts();
    const directory = new MemoryUserDirectory({ sendsSignInCodes: true });
    env.ports.directory = directory;
    await givenMunicipality(env.ports);

    const first = await inviteMember(env.ports, callers.coordinator, 'bg-stolipinovo', invitation());
    const second = await inviteMember(env.ports, callers.coordinator, 'bg-stolipinovo', invitation());

    expect(second.userId).toBe(first.userId);
    expect(directory.holderOf('sms', '+359888000555')).toBe(first.userId);
  });
});
