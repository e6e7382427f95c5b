import * as z from 'zod';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../errors.ts';
import { type Caller, canSeeTenant } from '../../model/caller.ts';
import { isTimeZone } from '../../model/dates.ts';
import { CountryCode } from '../../model/instant.ts';
import { Contact, type Contacts, type Municipality, noContacts } from '../../model/municipality.ts';
import { LocaleCode } from '../../model/roles.ts';
import { adoptContacts } from '../../ops/adopt-contacts.ts';
import type { PersonPorts } from '../../ops/people.ts';
import { updateWithRetry } from '../../ops/retry.ts';
import type { Ports } from '../../ports.ts';

/** Body of `PUT /municipalities/{id}`. */
export const PutMunicipalityBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  country: CountryCode,
  locale: LocaleCode,
  timeZone: z.string().max(64).refine(isTimeZone, 'must be an IANA time zone such as "Europe/Sofia"'),
  contacts: z
    .strictObject({
      municipality: z.array(Contact).max(20).default([]),
      cag: z.array(Contact).max(50).default([]),
      coordinator: z.array(Contact).max(10).default([]),
    })
    .optional(),
});

/**
 * Creates or replaces a municipality (coordinators of its country). Creating is one conditional write, so of two
 * coordinators creating the same id at once one wins and the other gets 409; replacing is conditional on the
 * version read, and on the stored country being one the caller coordinates. Contacts given with it become
 * people with memberships of it (the members list shows them; notifications reach them).
 */
export async function putMunicipality(
  deps: Pick<Ports, 'municipalities' | 'users' | 'clock' | 'settings'> & PersonPorts,
  caller: Caller,
  municipalityId: string,
  body: z.infer<typeof PutMunicipalityBody>,
): Promise<Municipality> {
  if (!deps.settings.countries.includes(body.country)) {
    throw new InvalidInputError('This deployment does not serve that country', [
      { path: 'country', message: `must be one of ${deps.settings.countries.join(', ')}` },
    ]);
  }
  if (caller.role !== 'coordinator') throw new ForbiddenError('Only a coordinator edits municipalities');
  const existing = await deps.municipalities.get(municipalityId);
  if (existing && !canSeeTenant(caller, existing))
    throw new NotFoundError(`No municipality ${municipalityId}`);
  if (!caller.countries.includes(body.country)) {
    throw new ForbiddenError(`You coordinate ${caller.countries.join(', ')}, not ${body.country}`, [
      { path: 'country', message: 'outside your countries' },
    ]);
  }
  const now = deps.clock.now().toISOString();
  const fields = { name: body.name, country: body.country, locale: body.locale, timeZone: body.timeZone };
  if (!existing) {
    const { municipality, created } = await deps.municipalities.create({
      municipalityId,
      ...fields,
      contacts: noContacts(),
      updatedAt: now,
      version: 1,
    });
    if (!created) {
      throw new ConflictError(`Municipality ${municipalityId} was created by someone else at the same time`, [
        {
          path: 'id',
          message: canSeeTenant(caller, municipality) ? 'already exists: read it and try again' : 'is taken',
        },
      ]);
    }
    if (body.contacts) await adoptContacts(deps, municipality, body.contacts, caller.userId);
    return municipality;
  }
  // Contacts stored before people existed are adopted too, so nobody drops out of the notifications; adopted
  // first, so a crash in between loses nobody (adopting again finds the same people).
  await adoptContacts(
    deps,
    { ...existing, ...fields },
    mergeContacts(existing.contacts, body.contacts),
    caller.userId,
  );
  return updateWithRetry(
    async () => {
      const current = await deps.municipalities.get(municipalityId);
      if (!current || !canSeeTenant(caller, current))
        throw new NotFoundError(`No municipality ${municipalityId}`);
      return current;
    },
    (current) => deps.municipalities.update(current, { ...fields, contacts: noContacts(), updatedAt: now }),
    { initial: existing },
  );
}

function mergeContacts(stored: Contacts, given: Contacts | undefined): Contacts {
  return {
    municipality: [...stored.municipality, ...(given?.municipality ?? [])],
    cag: [...stored.cag, ...(given?.cag ?? [])],
    coordinator: [...stored.coordinator, ...(given?.coordinator ?? [])],
  };
}
