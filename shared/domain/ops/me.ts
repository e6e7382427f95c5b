import type { Membership } from '../model/membership.ts';
import type { User } from '../model/user.ts';
import type { Ports } from '../ports.ts';

/** A membership with the name of its municipality, as people see it. */
export type NamedMembership = Membership & { municipalityName?: string };

/** What a signed-in person sees about themselves (`GET /me`, and what `PATCH /me` answers). */
export interface Me {
  user: Omit<User, 'calendarToken' | 'version'>;
  memberships: NamedMembership[];
  activeMembershipId: string;
}

/**
 * A person's memberships with their municipalities' names (each read once), so a page can say "Municipal staff
 * · Sliven" without asking again. A municipality that is gone keeps its id as its name.
 */
export async function namedMemberships(
  deps: Pick<Ports, 'municipalities'>,
  memberships: readonly Membership[],
): Promise<NamedMembership[]> {
  const ids = [
    ...new Set(memberships.flatMap((one) => (one.role === 'coordinator' ? [] : [one.municipalityId]))),
  ];
  const names = new Map(
    await Promise.all(ids.map(async (id) => [id, (await deps.municipalities.get(id))?.name ?? id] as const)),
  );
  return memberships.map((membership) =>
    membership.role === 'coordinator'
      ? membership
      : {
          ...membership,
          municipalityName: names.get(membership.municipalityId) ?? membership.municipalityId,
        },
  );
}

/** What a person sees of their own record: everything but the calendar secret and the store's version. */
export function profileOf(user: User): Me['user'] {
  const { calendarToken: _secret, version: _version, ...profile } = user;
  return profile;
}

/** The person as they see themselves, acting in `activeMembershipId`. */
export async function meOf(
  deps: Pick<Ports, 'users' | 'municipalities'>,
  user: User,
  activeMembershipId: string,
): Promise<Me> {
  const memberships = await namedMemberships(deps, await deps.users.memberships(user.userId));
  return { user: profileOf(user), memberships, activeMembershipId };
}
