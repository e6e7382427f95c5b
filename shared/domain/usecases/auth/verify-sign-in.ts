import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { InvalidInputError } from '../../errors.ts';
import { addressKey, EmailAddress, normalizeAddress, PhoneNumber } from '../../model/user.ts';
import { namedMemberships } from '../../ops/me.ts';
import {
  ACCESS_TOKEN_SECONDS,
  accessTokenFor,
  activeMembership,
  newRefreshSecret,
  newRotationKey,
  notYourMembership,
  refreshHash,
  SESSION_DAYS,
  type SignedIn,
} from '../../ops/sessions.ts';
import { codeMatches, MAX_CODE_ATTEMPTS } from '../../ops/sign-in-codes.ts';
import type { Ports } from '../../ports.ts';

/** Body of `POST /auth/verify`: the address and the code it received. */
export const VerifySignInBody = z.discriminatedUnion('channel', [
  z.strictObject({
    channel: z.literal('email'),
    address: EmailAddress,
    code: z.string().regex(/^\d{6}$/, 'must be the 6-digit code'),
    membershipId: z.string().max(100).optional(),
  }),
  z.strictObject({
    channel: z.literal('sms'),
    address: PhoneNumber,
    code: z.string().regex(/^\d{6}$/, 'must be the 6-digit code'),
    membershipId: z.string().max(100).optional(),
  }),
]);

const wrongCode = () =>
  new InvalidInputError('That code is wrong or has expired; ask for a new one', [
    { path: 'code', message: 'is wrong or has expired' },
  ]);

/**
 * Checks a sign-in code (single use, five tries, ten minutes) and opens a session: a short-lived access token
 * for the chosen membership and a rotating refresh token. The address is verified by it.
 */
export async function verifySignIn(
  deps: Pick<Ports, 'users' | 'signIn' | 'tokens' | 'clock' | 'municipalities'>,
  body: z.infer<typeof VerifySignInBody>,
): Promise<SignedIn> {
  const now = deps.clock.now();
  const address = normalizeAddress(body.channel, body.address);
  const code = await deps.signIn.getCode(addressKey(body.channel, address));
  if (!code || new Date(code.expiresAt) <= now || code.attempts >= MAX_CODE_ATTEMPTS) throw wrongCode();
  if (!codeMatches(code, body.code)) {
    await deps.signIn.recordFailedAttempt(code);
    throw wrongCode();
  }
  // A membership that is not theirs is refused before the code is used up: nothing is written on a 4xx, and the
  // person can sign in with the same code in the membership they do hold.
  if (
    body.membershipId &&
    !(await deps.users.memberships(code.userId)).some((one) => one.membershipId === body.membershipId)
  )
    throw notYourMembership();
  // Two requests with the right code at once: one consumes it, the other is told it has expired.
  if (!(await deps.signIn.consumeCode(code))) throw wrongCode();
  let user = await deps.users.get(code.userId);
  if (!user || user.status !== 'ACTIVE') throw wrongCode();
  if (
    user.channels.some(
      (one) =>
        one.type === body.channel && normalizeAddress(one.type, one.address) === address && !one.verifiedAt,
    )
  ) {
    user = await deps.users.update(user, {
      channels: user.channels.map((one) =>
        one.type === body.channel && normalizeAddress(one.type, one.address) === address
          ? { ...one, verifiedAt: now.toISOString() }
          : one,
      ),
      updatedAt: now.toISOString(),
    });
  }
  const { membership, memberships, user: current } = await activeMembership(deps, user, body.membershipId);
  const sessionId = `ses-${randomUUID()}`;
  const secret = newRefreshSecret();
  await deps.signIn.createSession({
    sessionId,
    userId: current.userId,
    refreshHash: refreshHash(secret),
    rotationKey: newRotationKey(),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000).toISOString(),
    version: 1,
  });
  return {
    accessToken: await accessTokenFor(deps, current, membership, sessionId),
    expiresIn: ACCESS_TOKEN_SECONDS,
    refreshToken: `${sessionId}.${secret}`,
    user: current,
    memberships: await namedMemberships(deps, memberships),
    activeMembershipId: membership.membershipId,
  };
}
