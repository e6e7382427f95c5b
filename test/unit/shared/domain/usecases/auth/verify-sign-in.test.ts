import { beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError, InvalidInputError } from '#shared/domain/errors.ts';
import type { User } from '#shared/domain/model/user.ts';
import { ACCESS_TOKEN_SECONDS, SESSION_DAYS } from '#shared/domain/ops/sessions.ts';
import { MAX_CODE_ATTEMPTS } from '#shared/domain/ops/sign-in-codes.ts';
import { startSignIn } from '#shared/domain/usecases/auth/start-sign-in.ts';
import { VerifySignInBody, verifySignIn } from '#shared/domain/usecases/auth/verify-sign-in.ts';
import { claimsOf, lastCodeSentTo } from '../../../../../support/signed-in.ts';
import { givenMunicipality, rejection, type UnitEnv, unitPorts } from '../../../../../support/unit-ports.ts';

let env: UnitEnv;
let cag: User;

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  cag = (await env.ports.users.findByAddress('email', 'cag@example.org')) as User;
});

const ask = async (channel: 'email' | 'sms', address: string) => {
  await startSignIn(env.ports, { channel, address } as never, '203.0.113.7');
  return lastCodeSentTo(env, address);
};
const verify = (
  address: string,
  code: string,
  extra: { membershipId?: string; channel?: 'email' | 'sms' } = {},
) => verifySignIn(env.ports, { channel: extra.channel ?? 'email', address, code, ...extra } as never);
const wrong = (code: string) => (code === '000000' ? '000001' : '000000');

/** The error is the one a wrong code gets: 400 naming `code`. */
function expectWrongCode(error: unknown) {
  expect(error).toBeInstanceOf(InvalidInputError);
  expect((error as InvalidInputError).fields).toEqual([{ path: 'code', message: 'is wrong or has expired' }]);
}

describe('verifySignIn', () => {
  it('opens a session for the person: an access token with their claims, a refresh token, their memberships', async () => {
    const code = await ask('email', 'cag@example.org');
    const signedIn = await verify('cag@example.org', code);

    expect(signedIn.expiresIn).toBe(ACCESS_TOKEN_SECONDS);
    expect(signedIn.refreshToken).toMatch(/^ses-[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/);
    expect(signedIn.user.userId).toBe(cag.userId);
    expect(signedIn.memberships).toEqual([
      expect.objectContaining({ role: 'cag', municipalityId: 'bg-stolipinovo' }),
    ]);
    expect(signedIn.activeMembershipId).toBe(signedIn.memberships[0]?.membershipId);
    expect(claimsOf(signedIn.accessToken)).toEqual({
      sub: cag.userId,
      name: 'CAG Member',
      role: 'cag',
      membership: signedIn.activeMembershipId,
      municipality: 'bg-stolipinovo',
      sid: signedIn.refreshToken.split('.')[0],
    });
    const session = await env.ports.signIn.getSession(signedIn.refreshToken.split('.')[0] as string);
    expect(session).toMatchObject({
      userId: cag.userId,
      expiresAt: new Date(env.clock.now().getTime() + SESSION_DAYS * 86_400_000).toISOString(),
    });
  });

  it('marks the address verified, as the code proves it', async () => {
    expect(cag.channels[0]?.verifiedAt).toBeUndefined();
    await verify('cag@example.org', await ask('email', 'cag@example.org'));
    const user = await env.ports.users.get(cag.userId);
    expect(user?.channels).toEqual([
      { type: 'email', address: 'cag@example.org', verifiedAt: env.clock.now().toISOString() },
    ]);
  });

  it('signs a phone-only person in by SMS', async () => {
    const code = await ask('sms', '+359888000111');
    const signedIn = await verify('+359888000111', code, { channel: 'sms' });
    expect(claimsOf(signedIn.accessToken)).toMatchObject({ name: 'CAG Member Two', role: 'cag' });
  });

  it('accepts the address however it is typed', async () => {
    const code = await ask('email', 'cag@example.org');
    await expect(verify(' CAG@Example.org', code)).resolves.toMatchObject({ user: { userId: cag.userId } });
  });

  it('takes a code once: a second use is refused', async () => {
    const code = await ask('email', 'cag@example.org');
    await verify('cag@example.org', code);
    expectWrongCode(await rejection(verify('cag@example.org', code)));
  });

  it('refuses a wrong code, and the right one after five wrong tries', async () => {
    const code = await ask('email', 'cag@example.org');
    for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS; attempt++)
      expectWrongCode(await rejection(verify('cag@example.org', wrong(code))));
    expectWrongCode(await rejection(verify('cag@example.org', code)));
  });

  it('still takes the right code after fewer than five wrong tries', async () => {
    const code = await ask('email', 'cag@example.org');
    for (let attempt = 0; attempt < MAX_CODE_ATTEMPTS - 1; attempt++)
      await rejection(verify('cag@example.org', wrong(code)));
    await expect(verify('cag@example.org', code)).resolves.toMatchObject({ user: { userId: cag.userId } });
  });

  it('refuses a code after its ten minutes', async () => {
    const code = await ask('email', 'cag@example.org');
    env.clock.advance(10 * 60_000);
    expectWrongCode(await rejection(verify('cag@example.org', code)));
  });

  it('refuses an earlier code once a newer one was sent', async () => {
    const first = await ask('email', 'cag@example.org');
    const second = await ask('email', 'cag@example.org');
    if (first !== second) expectWrongCode(await rejection(verify('cag@example.org', first)));
    await expect(verify('cag@example.org', second)).resolves.toBeDefined();
  });

  it('refuses a code sent to another address', async () => {
    const code = await ask('email', 'contact@plovdiv.example');
    expectWrongCode(await rejection(verify('cag@example.org', code)));
  });

  it('refuses a person erased after the code was sent', async () => {
    const code = await ask('email', 'cag@example.org');
    await env.ports.users.update(cag, { status: 'ERASED' });
    expectWrongCode(await rejection(verify('cag@example.org', code)));
  });

  it('acts in the membership asked for, and refuses one that is not theirs (403 naming membershipId)', async () => {
    const coordinator = (await env.ports.users.findByAddress('email', 'coordinator@romact.example')) as User;
    const [own] = await env.ports.users.memberships(coordinator.userId);
    const signedIn = await verify(
      'coordinator@romact.example',
      await ask('email', 'coordinator@romact.example'),
      {
        membershipId: own?.membershipId as string,
      },
    );
    expect(claimsOf(signedIn.accessToken)).toMatchObject({ role: 'coordinator', countries: 'BG' });

    const [cagMembership] = await env.ports.users.memberships(cag.userId);
    const error = await rejection(
      verify('coordinator@romact.example', await ask('email', 'coordinator@romact.example'), {
        membershipId: cagMembership?.membershipId as string,
      }),
    );
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.fields).toEqual([{ path: 'membershipId', message: 'is not one of yours' }]);
  });

  it('leaves the code usable when the membership asked for is refused (nothing is written on a 4xx)', async () => {
    const code = await ask('email', 'coordinator@romact.example');
    await rejection(verify('coordinator@romact.example', code, { membershipId: 'mbr-not-mine' }));
    await expect(verify('coordinator@romact.example', code)).resolves.toMatchObject({
      memberships: [expect.objectContaining({ role: 'coordinator' })],
    });
  });
});

describe('VerifySignInBody', () => {
  it('names a code that is not six digits', () => {
    const parsed = VerifySignInBody.safeParse({ channel: 'email', address: 'a@b.org', code: '12345' });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['code']);
  });
});
