import * as z from 'zod';
import { ConflictError, ForbiddenError, NotFoundError } from '../../errors.ts';
import { type Caller, canSeeTenant } from '../../model/caller.ts';
import { isTimeZone } from '../../model/dates.ts';
import type { Membership } from '../../model/membership.ts';
import { LocaleCode } from '../../model/roles.ts';
import { EmailAddress, PhoneNumber } from '../../model/user.ts';
import { findOrCreatePerson, grantMembership, type PersonPorts } from '../../ops/people.ts';
import { sendInvitation } from '../../ops/sign-in-codes.ts';
import type { Ports } from '../../ports.ts';

const Invitee = {
  role: z.enum(['municipality', 'cag']),
  displayName: z.string().trim().min(1).max(120),
  locale: LocaleCode.optional(),
  timeZone: z
    .string()
    .max(64)
    .refine(isTimeZone, 'must be an IANA time zone such as "Europe/Sofia"')
    .optional(),
};

/** Body of `POST /municipalities/{id}/invitations`: who, in which role, reached how. */
export const InviteBody = z.discriminatedUnion('channel', [
  z.strictObject({ ...Invitee, channel: z.literal('email'), address: EmailAddress }),
  z.strictObject({ ...Invitee, channel: z.literal('sms'), address: PhoneNumber }),
]);

/**
 * Invites a person to a municipality: coordinators of its country invite staff and CAG members; its staff invite
 * CAG members. The person is found by the address or created with it, given the membership, and sent an
 * invitation on that channel: with a sign-in code locally; on AWS Cognito sends the code when they sign in.
 */
export async function inviteMember(
  deps: Pick<Ports, 'municipalities' | 'users' | 'signIn' | 'notifier' | 'clock' | 'settings'> & PersonPorts,
  caller: Caller,
  municipalityId: string,
  body: z.infer<typeof InviteBody>,
): Promise<Membership & { displayName: string }> {
  const municipality = await deps.municipalities.get(municipalityId);
  if (!municipality || !canSeeTenant(caller, municipality))
    throw new NotFoundError(`No municipality ${municipalityId}`);
  if (caller.role === 'cag')
    throw new ForbiddenError('CAG members do not invite; ask the municipality or the coordinator');
  if (caller.role === 'municipality' && body.role !== 'cag') {
    throw new ForbiddenError('Municipal staff invite CAG members; the coordinator invites staff', [
      { path: 'role', message: 'must be "cag" when the municipality invites' },
    ]);
  }
  const { user } = await findOrCreatePerson(deps, {
    displayName: body.displayName,
    locale: body.locale ?? municipality.locale,
    timeZone: body.timeZone ?? municipality.timeZone,
    channel: { type: body.channel, address: body.address },
  });
  if (user.status !== 'ACTIVE')
    throw new ConflictError('That person’s data was erased; they cannot be invited with it');
  const membership = await grantMembership(deps, {
    userId: user.userId,
    role: body.role,
    municipalityId,
    country: municipality.country,
    ...(caller.userId ? { invitedBy: caller.userId } : {}),
  });
  const channel = user.channels.find((one) => one.type === body.channel) ?? user.channels[0];
  if (channel)
    await sendInvitation(deps, user, channel, { municipalityName: municipality.name, role: body.role });
  return { ...membership, displayName: user.displayName };
}
