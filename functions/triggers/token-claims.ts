import type { Claims } from '#shared/domain/model/caller.ts';
import { claimsFor } from '#shared/domain/model/claims.ts';
import type { Ports } from '#shared/domain/ports.ts';

/**
 * The claims Cognito adds to a person's tokens (the pre-token-generation trigger): the claims the local sign-in
 * issues, made by the same `claimsFor`, for the membership the person acts in. The membership is chosen as the
 * local sign-in chooses it (`activeMembership` in shared/domain/ops/sessions.ts): the one asked for, else the
 * one they last chose, else their first. Unlike the local sign-in it writes nothing: the trigger only reads.
 *
 * Undefined for someone who cannot act (no such person, erased, or no membership): their token then carries no
 * role, and the API answers 401.
 *
 * (A use case in all but location: it belongs in shared/domain/usecases/auth/ beside the local sign-in.)
 */
export async function tokenClaims(
  deps: Pick<Ports, 'users'>,
  userId: string,
  requestedMembershipId?: string,
): Promise<Claims | undefined> {
  const user = await deps.users.get(userId);
  if (user?.status !== 'ACTIVE') return undefined;
  const memberships = await deps.users.memberships(userId);
  if (memberships.length === 0) return undefined;
  if (requestedMembershipId && !memberships.some((one) => one.membershipId === requestedMembershipId)) {
    // The local sign-in refuses this (403); here refusing fails the sign-in or refresh, and no token is issued.
    throw new MembershipNotYoursError();
  }
  const chosen =
    memberships.find((one) => one.membershipId === requestedMembershipId) ??
    memberships.find((one) => one.membershipId === user.activeMembershipId) ??
    memberships[0];
  return chosen ? claimsFor(user, chosen) : undefined;
}

/** A token was asked for a membership the person does not hold; Cognito shows the message to the client. */
export class MembershipNotYoursError extends Error {
  constructor() {
    super('That membership is not yours');
    this.name = 'MembershipNotYoursError';
  }
}
