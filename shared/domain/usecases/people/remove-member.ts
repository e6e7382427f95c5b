import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { type Caller, canSeeTenant } from '../../model/caller.ts';
import type { Ports } from '../../ports.ts';

/**
 * Removes a membership of a municipality: the coordinator removes anyone, the staff remove CAG members. It takes
 * effect at the member's next request (every request checks the membership it acts in); a person left with no
 * membership is signed out everywhere.
 */
export async function removeMember(
  deps: Pick<Ports, 'municipalities' | 'users'> & Partial<Pick<Ports, 'directory'>>,
  caller: Caller,
  municipalityId: string,
  membershipId: string,
): Promise<void> {
  const municipality = await deps.municipalities.get(municipalityId);
  if (!municipality || !canSeeTenant(caller, municipality))
    throw new NotFoundError(`No municipality ${municipalityId}`);
  const membership = (await deps.users.membersOf(municipalityId)).find(
    (one) => one.membershipId === membershipId,
  );
  if (!membership) throw new NotFoundError(`No membership ${membershipId} in ${municipalityId}`);
  if (caller.role === 'cag') throw new ForbiddenError('CAG members do not remove members');
  if (caller.role === 'municipality' && membership.role !== 'cag') {
    throw new ForbiddenError('Municipal staff remove CAG members; the coordinator removes staff');
  }
  await deps.users.removeMembership(membership);
  // Someone left with no membership has nothing to sign in for: their sessions end everywhere (on AWS their
  // refresh tokens are revoked; a request in the meantime finds no membership and is refused anyway).
  if (!(await deps.users.memberships(membership.userId)).length)
    await deps.directory?.signOutEverywhere(membership.userId);
}
