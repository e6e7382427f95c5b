import * as z from 'zod';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../errors.ts';
import type { Caller } from '../../model/caller.ts';
import { isTimeZone } from '../../model/dates.ts';
import { MunicipalityId } from '../../model/ids.ts';
import { CountryCode } from '../../model/instant.ts';
import { LocaleCode } from '../../model/roles.ts';
import { EmailAddress, normalizeAddress, PhoneNumber } from '../../model/user.ts';
import { addAddress, findOrCreatePerson, grantMembership, type PersonPorts } from '../../ops/people.ts';
import type { Ports } from '../../ports.ts';

/** Body of `POST /users`: a person (reached by email, phone, or both) and one membership. */
export const CreateUserBody = z
  .strictObject({
    displayName: z.string().trim().min(1).max(120),
    locale: LocaleCode.default('en'),
    timeZone: z
      .string()
      .max(64)
      .refine(isTimeZone, 'must be an IANA time zone such as "Europe/Sofia"')
      .default('UTC'),
    email: EmailAddress.optional(),
    phone: PhoneNumber.optional(),
    role: z.enum(['coordinator', 'municipality', 'cag']),
    countries: z.array(CountryCode).min(1).max(30).optional(),
    municipalityId: MunicipalityId.optional(),
  })
  .superRefine((body, ctx) => {
    if (!body.email && !body.phone)
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'give an email or a phone' });
    if (body.role === 'coordinator' && !body.countries)
      ctx.addIssue({ code: 'custom', path: ['countries'], message: 'a coordinator coordinates countries' });
    if (body.role !== 'coordinator' && !body.municipalityId)
      ctx.addIssue({
        code: 'custom',
        path: ['municipalityId'],
        message: 'staff and CAG members belong to a municipality',
      });
  });

/**
 * A coordinator adds a person with a membership directly (the first coordinator of a deployment is made so,
 * with a locally minted coordinator token): coordinators of their own countries, or members of municipalities
 * in them. Where a directory is wired (Cognito on AWS), the person can sign in with each address at once.
 */
export async function createUser(
  deps: Pick<Ports, 'users' | 'municipalities' | 'clock' | 'settings'> & PersonPorts,
  caller: Caller,
  body: z.infer<typeof CreateUserBody>,
) {
  if (caller.role !== 'coordinator') throw new ForbiddenError('Only a coordinator adds people directly');
  const channel = body.email
    ? { type: 'email' as const, address: body.email }
    : { type: 'sms' as const, address: body.phone ?? '' };
  const invitedBy = caller.userId ? { invitedBy: caller.userId } : {};
  let grant: Parameters<typeof grantMembership>[1];
  if (body.role === 'coordinator') {
    const countries = body.countries ?? [];
    const outside = countries.filter(
      (country) => !caller.countries.includes(country) || !deps.settings.countries.includes(country),
    );
    if (outside.length) {
      throw new InvalidInputError('You can make coordinators only of countries you coordinate here', [
        { path: 'countries', message: `not yours or not served here: ${outside.join(', ')}` },
      ]);
    }
    grant = { userId: '', role: 'coordinator', countries, ...invitedBy };
  } else {
    const municipality = await deps.municipalities.get(body.municipalityId ?? '');
    if (!municipality || !caller.countries.includes(municipality.country)) {
      throw new NotFoundError(`No municipality ${body.municipalityId}`, [
        { path: 'municipalityId', message: 'unknown municipality' },
      ]);
    }
    grant = {
      userId: '',
      role: body.role,
      municipalityId: municipality.municipalityId,
      country: municipality.country,
      ...invitedBy,
    };
  }
  // Both an email and a phone: the phone must not be someone else's (checked before anything is written).
  const phone = body.email && body.phone ? normalizeAddress('sms', body.phone) : undefined;
  if (phone) {
    const [byEmail, byPhone] = await Promise.all([
      deps.users.findByAddress('email', normalizeAddress('email', channel.address)),
      deps.users.findByAddress('sms', phone),
    ]);
    if (byPhone && byPhone.userId !== byEmail?.userId) {
      throw new ConflictError('That phone number belongs to someone else', [
        { path: 'phone', message: 'belongs to another person' },
      ]);
    }
  }
  let { user } = await findOrCreatePerson(deps, {
    displayName: body.displayName,
    locale: body.locale,
    timeZone: body.timeZone,
    channel,
  });
  if (phone && !user.channels.some((one) => one.type === 'sms')) {
    const added = await addAddress(deps, user, { type: 'sms', address: phone });
    if (!added.added) {
      throw new ConflictError('That phone number was taken by someone else at the same moment; try again', [
        { path: 'phone', message: 'belongs to another person' },
      ]);
    }
    user = added.user;
  }
  const membership = await grantMembership(deps, { ...grant, userId: user.userId });
  return { user, membership };
}
