import { beforeEach, describe, expect, it } from 'vitest';
import { fieldIssues, RateLimitedError } from '#shared/domain/errors.ts';
import { normalizeAddress } from '#shared/domain/model/user.ts';
import { SIGN_IN_LIMITS, StartSignInBody, startSignIn } from '#shared/domain/usecases/auth/start-sign-in.ts';
import { lastCodeSentTo } from '../../../../../support/signed-in.ts';
import { givenMunicipality, rejection, type UnitEnv, unitPorts } from '../../../../../support/unit-ports.ts';

let env: UnitEnv;

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
});

const start = (channel: 'email' | 'sms', address: string, ip = '203.0.113.7') =>
  startSignIn(env.ports, { channel, address } as never, ip);

describe('startSignIn', () => {
  it('sends a 6-digit code to a known email address, in the person’s language, valid ten minutes', async () => {
    const answer = await start('email', 'cag@example.org');

    expect(answer).toEqual({ sent: true, expiresInSeconds: 600 });
    expect(env.notifier.messages).toHaveLength(1);
    const [message] = env.notifier.messages;
    expect(message).toMatchObject({
      channel: 'email',
      recipient: { address: 'cag@example.org', locale: 'bg' },
    });
    expect(message?.subject).toMatch(/ROMACT/);
    expect(message?.text).toMatch(/\b\d{6}\b/);
    expect(message?.text).toMatch(/[а-я]/); // Bulgarian, as the contact's locale says
  });

  it('sends the code by SMS to a phone-only person', async () => {
    await start('sms', '+359888000111');
    expect(env.notifier.messages).toEqual([
      expect.objectContaining({
        channel: 'sms',
        recipient: expect.objectContaining({ address: '+359888000111' }),
      }),
    ]);
    expect(env.notifier.messages[0]?.subject).toBeUndefined();
    expect(lastCodeSentTo(env, '+359888000111')).toMatch(/^\d{6}$/);
  });

  it('finds the person whatever the case and spacing of the typed address', async () => {
    await start('email', ' CAG@Example.ORG ');
    expect(env.notifier.messages.map((one) => one.recipient.address)).toEqual(['cag@example.org']);
  });

  it('answers an unknown address exactly as a known one, and sends nothing', async () => {
    const known = await start('email', 'cag@example.org');
    const unknown = await start('email', 'nobody@example.org');
    expect(unknown).toEqual(known);
    expect(env.notifier.messages.map((one) => one.recipient.address)).toEqual(['cag@example.org']);
  });

  it('sends nothing to an erased person', async () => {
    const user = await env.ports.users.findByAddress('email', 'cag@example.org');
    await env.ports.users.update(user as never, { status: 'ERASED' });
    expect(await start('email', 'cag@example.org')).toMatchObject({ sent: true });
    expect(env.notifier.messages).toEqual([]);
  });

  it('refuses a sixth code for one address in fifteen minutes (429 with Retry-After), also for unknown ones', async () => {
    const { limit, windowSeconds } = SIGN_IN_LIMITS.perAddress;
    for (const address of ['cag@example.org', 'nobody@example.org']) {
      for (let sent = 0; sent < limit; sent++) await start('email', address, `198.51.100.${sent}`);
      const error = await rejection(start('email', address, '198.51.100.99'));
      expect(error).toBeInstanceOf(RateLimitedError);
      expect(error.retryAfterSeconds).toBeGreaterThan(0);
      expect(error.retryAfterSeconds).toBeLessThanOrEqual(windowSeconds);
    }
    // Another address is not held up, and the limit lifts once the window has passed.
    await expect(start('email', 'contact@plovdiv.example')).resolves.toMatchObject({ sent: true });
    env.clock.advance(windowSeconds * 1_000);
    await expect(start('email', 'cag@example.org')).resolves.toMatchObject({ sent: true });
  });

  it('counts the same address however it is typed', async () => {
    for (let sent = 0; sent < SIGN_IN_LIMITS.perAddress.limit; sent++)
      await start('email', sent % 2 ? 'CAG@example.org' : 'cag@example.org', `198.51.100.${sent}`);
    expect(await rejection(start('email', ' Cag@Example.org'))).toBeInstanceOf(RateLimitedError);
  });

  it('refuses more than the per-IP limit from one IP, across addresses', async () => {
    for (let sent = 0; sent < SIGN_IN_LIMITS.perIp.limit; sent++)
      await start('email', `person${sent}@example.org`, '192.0.2.1');
    expect(await rejection(start('email', 'cag@example.org', '192.0.2.1'))).toBeInstanceOf(RateLimitedError);
    await expect(start('email', 'cag@example.org', '192.0.2.2')).resolves.toMatchObject({ sent: true });
  });
});

describe('StartSignInBody', () => {
  it('names the address when it does not fit the channel', () => {
    for (const body of [
      { channel: 'email', address: '+359888000111' },
      { channel: 'sms', address: 'cag@example.org' },
    ]) {
      const parsed = StartSignInBody.safeParse(body);
      expect(parsed.success).toBe(false);
      expect(fieldIssues(parsed.error?.issues ?? []).map((issue) => issue.path)).toEqual(['address']);
    }
  });

  it('keeps an address as typed; the use case normalises it', () => {
    expect(normalizeAddress('email', ' A@B.Org ')).toBe('a@b.org');
    expect(StartSignInBody.parse({ channel: 'email', address: 'A@b.org' })).toEqual({
      channel: 'email',
      address: 'A@b.org',
    });
  });
});
