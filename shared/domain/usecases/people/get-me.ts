import { UnauthenticatedError } from '../../errors.ts';
import type { Caller } from '../../model/caller.ts';
import { type Me, meOf } from '../../ops/me.ts';
import type { Ports } from '../../ports.ts';

export type { Me } from '../../ops/me.ts';

/** The caller's person: profile, channels, preferences, memberships (with the municipalities' names). */
export async function getMe(deps: Pick<Ports, 'users' | 'municipalities'>, caller: Caller): Promise<Me> {
  const user = caller.userId ? await deps.users.get(caller.userId) : undefined;
  if (!user || !caller.membershipId)
    throw new UnauthenticatedError('Sign in as a person to see your profile');
  return meOf(deps, user, caller.membershipId);
}
