import type { Claims } from './caller.ts';
import type { Membership } from './membership.ts';
import type { User } from './user.ts';

/**
 * The claims of a person's access token, acting in one membership. The local sign-in and Cognito's
 * pre-token-generation trigger both call this, so the handlers see the same claims on both sides.
 */
export function claimsFor(user: Pick<User, 'userId' | 'displayName'>, membership: Membership): Claims {
  return {
    sub: user.userId,
    name: user.displayName,
    role: membership.role,
    membership: membership.membershipId,
    ...(membership.role === 'coordinator'
      ? { countries: membership.countries.join(',') }
      : { municipality: membership.municipalityId }),
  };
}
