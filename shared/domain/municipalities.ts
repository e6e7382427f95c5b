import { z } from 'zod';
import { type Caller, canSeeTenant } from './caller.ts';
import { Contact, CountryCode, type Municipality } from './entities.ts';
import { ForbiddenError, NotFoundError } from './errors.ts';
import type { Dependencies } from './ports.ts';
import { LocaleCode } from './roles.ts';

/** Municipalities and their contact channels (personal data: minimal, never logged, erasable). */

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

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Creates or replaces a municipality (coordinators of its country). */
export async function putMunicipality(
  deps: Dependencies,
  caller: Caller,
  municipalityId: string,
  body: z.infer<typeof PutMunicipalityBody>,
): Promise<Municipality> {
  const existing = await deps.store.getMunicipality(municipalityId);
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
  return deps.store.putMunicipality({
    municipalityId,
    name: body.name,
    country: body.country,
    locale: body.locale,
    timeZone: body.timeZone,
    contacts: body.contacts ?? existing?.contacts ?? { municipality: [], cag: [], coordinator: [] },
    updatedAt: deps.clock.now().toISOString(),
  });
}

/** A municipality with its contacts, for those who work with it. */
export async function getMunicipality(deps: Dependencies, caller: Caller, municipalityId: string) {
  const municipality = await deps.store.getMunicipality(municipalityId);
  if (!municipality || !canSeeTenant(caller, municipality))
    throw new NotFoundError(`No municipality ${municipalityId}`);
  return municipality;
}

/** Erases a municipality's contacts (the right to erasure); its cycles keep no contact data. */
export async function deleteContacts(deps: Dependencies, caller: Caller, municipalityId: string) {
  const municipality = await getMunicipality(deps, caller, municipalityId);
  if (caller.role === 'cag') throw new ForbiddenError('The coordinator or the municipality erases contacts');
  await deps.store.deleteContacts(municipalityId, deps.clock.now().toISOString());
  return { ...municipality, contacts: { municipality: [], cag: [], coordinator: [] } };
}
