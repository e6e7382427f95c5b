import { z } from 'zod';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { type Caller, canSeeTenant } from '../../model/caller.ts';
import { CountryCode } from '../../model/instant.ts';
import { Contact, type Municipality, noContacts } from '../../model/municipality.ts';
import { LocaleCode } from '../../model/roles.ts';
import type { Ports } from '../../ports.ts';

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Body of `PUT /municipalities/{id}`. */
export const PutMunicipalityBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  country: CountryCode,
  locale: LocaleCode,
  timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone such as "Europe/Sofia"'),
  contacts: z
    .strictObject({
      municipality: z.array(Contact).max(20).default([]),
      cag: z.array(Contact).max(50).default([]),
      coordinator: z.array(Contact).max(10).default([]),
    })
    .optional(),
});

/** Creates or replaces a municipality (coordinators of its country). */
export async function putMunicipality(
  deps: Pick<Ports, 'municipalities' | 'clock'>,
  caller: Caller,
  municipalityId: string,
  body: z.infer<typeof PutMunicipalityBody>,
): Promise<Municipality> {
  const existing = await deps.municipalities.get(municipalityId);
  if (existing && !canSeeTenant(caller, existing))
    throw new NotFoundError(`No municipality ${municipalityId}`);
  if (caller.role !== 'coordinator') {
    if (!existing) throw new NotFoundError(`No municipality ${municipalityId}`);
    throw new ForbiddenError('Only a coordinator edits municipalities');
  }
  if (!caller.countries.includes(body.country)) {
    throw new ForbiddenError(`You coordinate ${caller.countries.join(', ')}, not ${body.country}`, [
      { path: 'country', message: 'outside your countries' },
    ]);
  }
  return deps.municipalities.put({
    municipalityId,
    name: body.name,
    country: body.country,
    locale: body.locale,
    timeZone: body.timeZone,
    contacts: body.contacts ?? existing?.contacts ?? noContacts(),
    updatedAt: deps.clock.now().toISOString(),
  });
}
