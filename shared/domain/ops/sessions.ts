import { createHash, createHmac, randomBytes } from 'node:crypto';
import { ForbiddenError } from '../errors.ts';
import { claimsFor } from '../model/claims.ts';
import type { Membership } from '../model/membership.ts';
import type { User } from '../model/user.ts';
import type { Ports } from '../ports.ts';
import type { NamedMembership } from './me.ts';

/** An access token lives a quarter of an hour; a session (its refresh token) thirty days. */
export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const SESSION_DAYS = 30;

/** Hash of a refresh token's secret (only the hash is stored). */
export const refreshHash = (secret: string) => createHash('sha256').update(secret).digest('hex');

/** A new refresh token for a session: `<session id>.<secret>`. */
export function newRefreshSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** A session's rotation key (see `Session.rotationKey`). */
export function newRotationKey(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * The refresh secret that follows `secret` in a session: derived with the session's key, so the same token
 * presented twice gets the same successor, and nobody without the stored key can compute one.
 */
export function nextRefreshSecret(rotationKey: string, secret: string): string {
  return createHmac('sha256', rotationKey).update(secret).digest('base64url');
}

/**
 * How long after a rotation the token it replaced still gets the same answer: a page reloaded, or a second tab
 * opened, while the refresh was under way presents the old cookie once more. Later, that token is reuse.
 */
export const REFRESH_GRACE_SECONDS = 10;

/** What a signed-in client holds. */
export interface SignedIn {
  accessToken: string;
  expiresIn: number;
  refreshToken: string;
  user: User;
  /** With their municipalities' names, as `GET /me` has them. */
  memberships: NamedMembership[];
  activeMembershipId: string;
}

/** The refusal of a membership the person does not hold (403 naming the field). */
export const notYourMembership = () =>
  new ForbiddenError('That membership is not yours', [
    { path: 'membershipId', message: 'is not one of yours' },
  ]);

/**
 * The membership a person acts in: the one asked for (it must be theirs), else the one they last chose, else
 * their first. A person with none cannot act.
 */
export async function activeMembership(
  deps: Pick<Ports, 'users'>,
  user: User,
  requested?: string,
): Promise<{ membership: Membership; memberships: Membership[]; user: User }> {
  const memberships = await deps.users.memberships(user.userId);
  if (memberships.length === 0) {
    throw new ForbiddenError('You have no membership any more; ask your coordinator to invite you again');
  }
  if (requested && !memberships.some((one) => one.membershipId === requested)) throw notYourMembership();
  const chosen =
    memberships.find((one) => one.membershipId === requested) ??
    memberships.find((one) => one.membershipId === user.activeMembershipId) ??
    (memberships[0] as Membership);
  const remembered =
    chosen.membershipId === user.activeMembershipId
      ? user
      : await deps.users.update(user, { activeMembershipId: chosen.membershipId }).catch(() => user);
  return { membership: chosen, memberships, user: remembered };
}

/** Issues the access token of a session for a person acting in a membership. */
export async function accessTokenFor(
  deps: Pick<Ports, 'tokens'>,
  user: User,
  membership: Membership,
  sessionId: string,
): Promise<string> {
  return deps.tokens.issue(
    { ...claimsFor(user, membership), sid: sessionId } as Record<string, string>,
    ACCESS_TOKEN_SECONDS,
  );
}

/** Splits a refresh token, `<session id>.<secret>`. */
export function parseRefreshToken(token: string): { sessionId: string; secret: string } | undefined {
  const match = /^(ses-[0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(token);
  return match ? { sessionId: match[1] as string, secret: match[2] as string } : undefined;
}
