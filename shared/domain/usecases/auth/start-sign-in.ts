import { createHash } from 'node:crypto';
import * as z from 'zod';
import { RateLimitedError } from '../../errors.ts';
import { addressKey, EmailAddress, normalizeAddress, PhoneNumber } from '../../model/user.ts';
import { sendCode } from '../../ops/sign-in-codes.ts';
import type { Ports } from '../../ports.ts';

/** Body of `POST /auth/start`: where to send the code. */
export const StartSignInBody = z.discriminatedUnion('channel', [
  z.strictObject({ channel: z.literal('email'), address: EmailAddress }),
  z.strictObject({ channel: z.literal('sms'), address: PhoneNumber }),
]);

/** How many codes an address, and an IP, may ask for in a window. */
export const SIGN_IN_LIMITS = {
  perAddress: { limit: 5, windowSeconds: 15 * 60 },
  perIp: { limit: 30, windowSeconds: 15 * 60 },
};

/**
 * Sends a 6-digit sign-in code to an address, if it belongs to someone. The answer is the same whether or not
 * it does, so nobody learns who has an account; asking too often (per address, or per IP) is 429.
 */
export async function startSignIn(
  deps: Pick<Ports, 'users' | 'signIn' | 'notifier' | 'clock' | 'settings'>,
  body: z.infer<typeof StartSignInBody>,
  sourceIp: string,
): Promise<{ sent: true; expiresInSeconds: number }> {
  const now = deps.clock.now();
  const address = normalizeAddress(body.channel, body.address);
  // The counters are keyed by hashes: a stored key must not hold an address (nor an IP), which no erasure reaches.
  for (const [key, { limit, windowSeconds }] of [
    [`ip:${createHash('sha256').update(sourceIp).digest('hex')}`, SIGN_IN_LIMITS.perIp],
    [`address:${addressKey(body.channel, address)}`, SIGN_IN_LIMITS.perAddress],
  ] as const) {
    const hit = await deps.signIn.hit(key, limit, windowSeconds, now);
    if (!hit.allowed)
      throw new RateLimitedError('Too many sign-in codes asked for; wait a little', hit.retryAfterSeconds);
  }
  const user = await deps.users.findByAddress(body.channel, address);
  const channel = user?.channels.find(
    (one) => one.type === body.channel && normalizeAddress(one.type, one.address) === address,
  );
  if (user && user.status === 'ACTIVE' && channel) await sendCode(deps, user, channel);
  return { sent: true, expiresInSeconds: 10 * 60 };
}
