import { NotFoundError } from '../../errors.ts';
import { type Caller, canSeeTenant } from '../../model/caller.ts';
import type { Channel } from '../../model/user.ts';
import type { Ports } from '../../ports.ts';

/** One member as the members page shows them. */
export interface MemberView {
  membershipId: string;
  userId: string;
  displayName: string;
  role: 'municipality' | 'cag';
  /** Contact channels: shown to the coordinator and the staff; to a CAG member only their own. */
  channels?: Channel[];
}

/** The staff and CAG members of a municipality, for those who work with it. */
export async function listMembers(
  deps: Pick<Ports, 'municipalities' | 'users'>,
  caller: Caller,
  municipalityId: string,
): Promise<{ items: MemberView[] }> {
  const municipality = await deps.municipalities.get(municipalityId);
  if (!municipality || !canSeeTenant(caller, municipality))
    throw new NotFoundError(`No municipality ${municipalityId}`);
  const members = await deps.users.membersOf(municipalityId);
  const items: MemberView[] = [];
  for (const membership of members) {
    if (membership.role === 'coordinator') continue;
    const user = await deps.users.get(membership.userId);
    if (!user || user.status !== 'ACTIVE') continue;
    const seesChannels = caller.role !== 'cag' || caller.userId === user.userId;
    items.push({
      membershipId: membership.membershipId,
      userId: user.userId,
      displayName: user.displayName,
      role: membership.role,
      ...(seesChannels ? { channels: user.channels } : {}),
    });
  }
  return {
    items: items.sort((a, b) => a.role.localeCompare(b.role) || a.displayName.localeCompare(b.displayName)),
  };
}
