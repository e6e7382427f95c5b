import { UnauthenticatedError } from '../../errors.ts';
import type { Caller } from '../../model/caller.ts';
import type { Membership } from '../../model/membership.ts';
import type { User } from '../../model/user.ts';
import type { Ports } from '../../ports.ts';

/** What the signed-in person sees about themselves. */
export interface Me {
  user: Omit<User, 'calendarToken' | 'version'>;
  memberships: (Membership & { municipalityName?: string })[];
  activeMembershipId: string;
}

/** The caller's person: profile, channels, preferences, memberships (with the municipalities' names). */
export async function getMe(deps: Pick<Ports, 'users' | 'municipalities'>, caller: Caller): Promise<Me> {
  const user = caller.userId ? await deps.users.get(caller.userId) : undefined;
  if (!user || !caller.membershipId)
    throw new UnauthenticatedError('Sign in as a person to see your profile');
  const memberships = await deps.users.memberships(user.userId);
  const named = await Promise.all(
    memberships.map(async (membership) =>
      membership.role === 'coordinator'
        ? membership
        : {
            ...membership,
            municipalityName:
              (await deps.municipalities.get(membership.municipalityId))?.name ?? membership.municipalityId,
          },
    ),
  );
  const { calendarToken: _secret, version: _version, ...profile } = user;
  return { user: profile, memberships: named, activeMembershipId: caller.membershipId };
}
