import { beforeEach, describe, expect, it } from 'vitest';
import { addressKey, type User } from '#shared/domain/model/user.ts';
import {
  codeMatches,
  INVITATION_CODE_DAYS,
  SIGN_IN_CODE_MINUTES,
  sendCode,
} from '#shared/domain/ops/sign-in-codes.ts';
import { lastCodeSentTo } from '../../../../support/signed-in.ts';
import { givenMunicipality, type UnitEnv, unitPorts } from '../../../../support/unit-ports.ts';

let env: UnitEnv;
let user: User;

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  user = (await env.ports.users.findByAddress('email', 'cag@example.org')) as User;
});

const stored = () => env.ports.signIn.getCode(addressKey('email', 'cag@example.org'));
const channel = { type: 'email', address: 'cag@example.org' } as const;

describe('sendCode', () => {
  it('stores only a salted hash of the code it sends, for ten minutes', async () => {
    const { expiresInSeconds } = await sendCode(env.ports, user, channel);
    const code = lastCodeSentTo(env, 'cag@example.org');
    const kept = await stored();

    expect(expiresInSeconds).toBe(SIGN_IN_CODE_MINUTES * 60);
    expect(kept).toMatchObject({
      userId: user.userId,
      channel: 'email',
      attempts: 0,
      purpose: 'sign-in',
      expiresAt: new Date(env.clock.now().getTime() + SIGN_IN_CODE_MINUTES * 60_000).toISOString(),
    });
    expect(JSON.stringify(kept)).not.toContain(code);
    expect(JSON.stringify(kept)).not.toContain('cag@example.org');
    expect(codeMatches(kept as never, code)).toBe(true);
    expect(codeMatches(kept as never, code === '123456' ? '654321' : '123456')).toBe(false);
  });

  it('makes a new code and a new message each time', async () => {
    await sendCode(env.ports, user, channel);
    await sendCode(env.ports, user, channel);
    const [first, second] = env.notifier.messages;
    expect(first?.messageId).not.toBe(second?.messageId);
  });

  it('invites with a code that lives a week, naming the role and municipality in the person’s language', async () => {
    const english = { ...user, locale: 'en' as const };
    const { expiresInSeconds } = await sendCode(env.ports, english, channel, {
      municipalityName: 'Plovdiv – Stolipinovo',
      role: 'cag',
    });
    const [message] = env.notifier.messages;

    expect(expiresInSeconds).toBe(INVITATION_CODE_DAYS * 86_400);
    expect((await stored())?.purpose).toBe('invitation');
    expect(message?.subject).toBe('You are invited to ROMACT');
    expect(message?.text).toContain('Community Action Group member (Plovdiv – Stolipinovo)');
    expect(message?.text).toContain('https://romact.example.org/');
    expect(message?.text).toContain(lastCodeSentTo(env, 'cag@example.org'));
    expect(message?.kinds).toEqual(['invitation']);
  });

  it('sends an SMS without a subject', async () => {
    await sendCode(env.ports, user, { type: 'sms', address: '+359888000999' });
    expect(env.notifier.messages[0]).toMatchObject({
      channel: 'sms',
      recipient: { address: '+359888000999' },
    });
    expect(env.notifier.messages[0]?.subject).toBeUndefined();
  });
});
