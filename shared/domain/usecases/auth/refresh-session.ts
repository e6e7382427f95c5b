import * as z from 'zod';
import { ConcurrentUpdateError, UnauthenticatedError } from '../../errors.ts';
import type { Session } from '../../model/sign-in.ts';
import { namedMemberships } from '../../ops/me.ts';
import {
  ACCESS_TOKEN_SECONDS,
  accessTokenFor,
  activeMembership,
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
 * gets the same answer for a few seconds more (two tabs, or a page reloaded while its refresh was under way);
 * after that, or any older token of the session, means it was copied: the whole session ends, for thief and
 * owner alike. A removed membership is no longer chosen.
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
  const step = rotationStep(session, parsed.secret, now);
  if (!step) {
    // A token of this session that is neither its current one nor the one just replaced was rotated already,
    // however long ago (a secret cannot be guessed): it was copied.
    await deps.signIn.updateSession(session, { revokedAt: now.toISOString() }).catch(() => undefined);
    throw signedOut();
  }
  const user = await deps.users.get(session.userId);
  if (user?.status !== 'ACTIVE') throw signedOut();
  // The membership is settled before the token rotates: a refused choice (not theirs, or removed) leaves the
  // client's token as it was, instead of rotating it away in an answer that carries no new one.
  const { membership, memberships, user: current } = await activeMembership(deps, user, membershipId);
  if (step.rotate) await rotate(deps, session, step);
  return {
    accessToken: await accessTokenFor(deps, current, membership, session.sessionId),
    expiresIn: ACCESS_TOKEN_SECONDS,
    refreshToken: `${session.sessionId}.${step.next}`,
    user: current,
    memberships: await namedMemberships(deps, memberships),
    activeMembershipId: membership.membershipId,
  };
}

interface Step {
  /** The refresh secret the answer carries. */
  next: string;
  /** The presented token is the current one: the session moves on to `next`. */
  rotate: boolean;
  rotationKey: string;
  presentedHash: string;
}

/**
 * What the presented secret leads to: the current token rotates to its successor; the one just replaced, within
 * the grace period, gets the successor it got then (derived with the session's key, so no secret is stored);
 * anything else, nothing.
 */
function rotationStep(session: Session, secret: string, now: Date): Step | undefined {
  const presentedHash = refreshHash(secret);
  if (presentedHash === session.refreshHash) {
    const rotationKey = session.rotationKey ?? newRotationKey();
    return { next: nextRefreshSecret(rotationKey, secret), rotate: true, rotationKey, presentedHash };
  }
  const key = session.rotationKey;
  if (!key || presentedHash !== session.previousHash || !withinGrace(session, now)) return undefined;
  const next = nextRefreshSecret(key, secret);
  return refreshHash(next) === session.refreshHash
    ? { next, rotate: false, rotationKey: key, presentedHash }
    : undefined;
}

async function rotate(deps: Pick<Deps, 'signIn' | 'clock'>, session: Session, step: Step) {
  try {
    await deps.signIn.updateSession(session, {
      refreshHash: refreshHash(step.next),
      previousHash: step.presentedHash,
      rotatedAt: deps.clock.now().toISOString(),
      rotationKey: step.rotationKey,
    });
  } catch (error) {
    if (!(error instanceof ConcurrentUpdateError)) throw error;
    // Two refreshes with one token at once: both rotate it to the same successor, so both may have it.
    const stored = await deps.signIn.getSession(session.sessionId);
    if (stored && !stored.revokedAt && stored.refreshHash === refreshHash(step.next)) return;
    throw signedOut();
  }
}

const withinGrace = (session: Session, now: Date) =>
  session.rotatedAt !== undefined &&
  now.getTime() - new Date(session.rotatedAt).getTime() <= REFRESH_GRACE_SECONDS * 1_000;
