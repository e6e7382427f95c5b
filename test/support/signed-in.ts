import { type Caller, callerFromClaims } from '#shared/domain/model/caller.ts';
import { claimsFor } from '#shared/domain/model/claims.ts';
import { startSignIn } from '#shared/domain/usecases/auth/start-sign-in.ts';
import { verifySignIn } from '#shared/domain/usecases/auth/verify-sign-in.ts';
import type { UnitEnv } from './unit-ports.ts';

/**
 * Sign-in helpers for use-case tests on the memory store: the code is read from the message the recording
 * notifier was given, as a person reads it from their inbox, and the claims from the unit token issuer.
 */

/** The 6-digit code in the last message sent to `address` (fails the test when there is none). */
export function lastCodeSentTo(env: UnitEnv, address: string): string {
  const message = env.notifier.messages.filter((one) => one.recipient.address === address).at(-1);
  const code = message?.text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`No code was sent to ${address}`);
  return code;
}

/** Signs in with a code sent to an address, optionally choosing a membership. */
export async function signInAs(
  env: UnitEnv,
  channel: 'email' | 'sms',
  address: string,
  membershipId?: string,
) {
  await startSignIn(env.ports, { channel, address } as never, '203.0.113.7');
  const code = lastCodeSentTo(env, address);
  return verifySignIn(env.ports, {
    channel,
    address,
    code,
    ...(membershipId ? { membershipId } : {}),
  } as never);
}

/** The claims inside an access token the unit token issuer made. */
export function claimsOf(accessToken: string): Record<string, string> {
  if (!accessToken.startsWith('token:')) throw new Error('not a unit access token');
  return JSON.parse(accessToken.slice('token:'.length));
}

/**
 * The caller a person is when they act in a membership (their first unless told), read from the claims their
 * access token would carry: the same path a request takes.
 */
export async function personCaller(
  env: UnitEnv,
  address: string,
  options: { channel?: 'email' | 'sms'; membershipId?: string } = {},
): Promise<Caller & { userId: string }> {
  const user = await env.ports.users.findByAddress(options.channel ?? 'email', address);
  if (!user) throw new Error(`Nobody has ${address}`);
  const memberships = await env.ports.users.memberships(user.userId);
  const membership = options.membershipId
    ? memberships.find((one) => one.membershipId === options.membershipId)
    : memberships[0];
  if (!membership) throw new Error(`${address} has no such membership`);
  return callerFromClaims(claimsFor(user, membership)) as Caller & { userId: string };
}
