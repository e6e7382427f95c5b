import { z } from 'zod';
import { ConcurrentUpdateError, UnauthenticatedError } from '../../errors.ts';
import {
  ACCESS_TOKEN_SECONDS,
  accessTokenFor,
  activeMembership,
  newRefreshSecret,
  parseRefreshToken,
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

/**
 * Trades a refresh token for a new access token and a new refresh token (rotation). Presenting a token that was
 * already rotated, at any earlier rotation, means it was copied: the whole session ends. A removed membership is
 * no longer chosen.
 */
export async function refreshSession(
  deps: Pick<Ports, 'users' | 'signIn' | 'tokens' | 'clock'>,
  refreshToken: string | undefined,
  membershipId?: string,
): Promise<SignedIn> {
  const now = deps.clock.now();
  const parsed = refreshToken ? parseRefreshToken(refreshToken) : undefined;
  if (!parsed) throw signedOut();
  const session = await deps.signIn.getSession(parsed.sessionId);
  if (!session || session.revokedAt || new Date(session.expiresAt) <= now) throw signedOut();
  if (refreshHash(parsed.secret) !== session.refreshHash) {
    // A token of this session that is not its current one was rotated already, however long ago (a secret
    // cannot be guessed): it was copied, so the session ends for whoever holds it, thief and owner alike.
    await deps.signIn.updateSession(session, { revokedAt: now.toISOString() }).catch(() => undefined);
    throw signedOut();
  }
  const user = await deps.users.get(session.userId);
  if (!user || user.status !== 'ACTIVE') throw signedOut();
  // The membership is settled before the token rotates: a refused choice (not theirs, or removed) leaves the
  // client's token as it was, instead of rotating it away in an answer that carries no new one.
  const { membership, memberships, user: current } = await activeMembership(deps, user, membershipId);
  const secret = newRefreshSecret();
  try {
    await deps.signIn.updateSession(session, {
      refreshHash: refreshHash(secret),
      previousHash: session.refreshHash,
    });
  } catch (error) {
    // Two refreshes with one token at once: one wins, the other signs in again.
    if (error instanceof ConcurrentUpdateError) throw signedOut();
    throw error;
  }
  return {
    accessToken: await accessTokenFor(deps, current, membership, session.sessionId),
    expiresIn: ACCESS_TOKEN_SECONDS,
    refreshToken: `${session.sessionId}.${secret}`,
    user: current,
    memberships,
    activeMembershipId: membership.membershipId,
  };
}
