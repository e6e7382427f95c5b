import { NotFoundError } from '../../errors.ts';
import { type Caller, canSeeTenant } from '../../model/caller.ts';
import { type Municipality, noContacts } from '../../model/municipality.ts';
import type { Ports } from '../../ports.ts';

/**
 * A municipality for those who work with it. Its contacts are personal data: the coordinators and the
 * municipality's staff see them, CAG members do not (each other's phones and the mayor's email are not theirs).
 */
export async function getMunicipality(
  deps: Pick<Ports, 'municipalities'>,
  caller: Caller,
  municipalityId: string,
): Promise<Municipality> {
  const municipality = await deps.municipalities.get(municipalityId);
  if (!municipality || !canSeeTenant(caller, municipality))
    throw new NotFoundError(`No municipality ${municipalityId}`);
  return caller.role === 'cag' ? { ...municipality, contacts: noContacts() } : municipality;
}
