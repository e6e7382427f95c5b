import { z } from 'zod';
import { ConcurrentUpdateError, UnauthenticatedError } from '../../errors.ts';
import type { Session } from '../../model/sign-in.ts';
import { namedMemberships } from '../../ops/me.ts';
import {
  ACCESS_TOKEN_SECONDS,
  accessTokenFor,
  activeMembership,
  isEarlierSecret,
  newRotationKey,
  nextRefreshSecret,
  parseRefreshToken,
  REFRESH_GRACE_SECONDS,
  refreshHash,
  type SignedIn,
} from '../../ops/sessions.ts';
import type { Ports } from '../../ports.ts';

/** Body of `POST /auth/refresh` (the refresh token comes from the cookie, or from the body for the CLI). */
export const RefreshBody = z.strictObject({
  refreshToken: z.string().max(300).optional(),
  /** Act in another of one's memberships from now on. */
  membershipId: z.string().max(100).optional(),
});

const signedOut = () => new UnauthenticatedError('Your session has ended; sign in again');

type Deps = Pick<Ports, 'users' | 'signIn' | 'tokens' | 'clock' | 'municipalities'>;

/**
 * Trades a refresh token for a new access token and the next refresh token (rotation). The token just replaced
 * gets the same answer for a few seconds more (a page reloaded while its refresh was under way); after that, or
 * any older token of the session, means it was copied: the whole session ends. A removed membership is no
 * longer chosen.
 */
export async function refreshSession(
  deps: Deps,
  refreshToken: string | undefined,
  membershipId?: string,
): Promise<SignedIn> {
  const now = deps.clock.now();
  const parsed = refreshToken ? parseRefreshToken(refreshToken) : undefined;
  if (!parsed) throw signedOut();
  const session = await deps.signIn.getSession(parsed.sessionId);
  if (!session || session.revokedAt || new Date(session.expiresAt) <= now) throw signedOut();
  const next = await nextSecretFor(deps, session, parsed.secret, now);
  const user = await deps.users.get(session.userId);
  if (user?.status !== 'ACTIVE') throw signedOut();
  const { membership, memberships, user: current } = await activeMembership(deps, user, membershipId);
  return {
    accessToken: await accessTokenFor(deps, current, membership, session.sessionId),
    expiresIn: ACCESS_TOKEN_SECONDS,
    refreshToken: `${session.sessionId}.${next}`,
    user: current,
    memberships: await namedMemberships(deps, memberships),
    activeMembershipId: membership.membershipId,
  };
}

/** The refresh secret that follows the presented one: rotated now, or (in the grace period) rotated already. */
async function nextSecretFor(deps: Deps, session: Session, secret: string, now: Date): Promise<string> {
  const presented = refreshHash(secret);
  const key = session.rotationKey;
  if (presented === session.refreshHash) {
    const rotationKey = key ?? newRotationKey();
    const next = nextRefreshSecret(rotationKey, secret);
    try {
      await deps.signIn.updateSession(session, {
        refreshHash: refreshHash(next),
        previousHash: presented,
        rotatedAt: now.toISOString(),
        rotationKey,
      });
      return next;
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError)) throw error;
      // Two refreshes with one token at once: both rotate it to the same successor, so both may have it.
      const stored = await deps.signIn.getSession(session.sessionId);
      if (stored && !stored.revokedAt && stored.refreshHash === refreshHash(next)) return next;
      throw signedOut();
    }
  }
  if (key && presented === session.previousHash && withinGrace(session, now)) {
    const next = nextRefreshSecret(key, secret);
    if (refreshHash(next) === session.refreshHash) return next;
  }
  const reused =
    presented === session.previousHash ||
    (key !== undefined && isEarlierSecret(key, secret, session.refreshHash));
  if (reused) {
    await deps.signIn.updateSession(session, { revokedAt: now.toISOString() }).catch(() => undefined);
  }
  throw signedOut();
}

const withinGrace = (session: Session, now: Date) =>
  session.rotatedAt !== undefined &&
  now.getTime() - new Date(session.rotatedAt).getTime() <= REFRESH_GRACE_SECONDS * 1_000;
