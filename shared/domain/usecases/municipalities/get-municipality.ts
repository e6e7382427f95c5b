import { NotFoundError } from '../../errors.ts';
import { type Caller, canSeeTenant } from '../../model/caller.ts';
import type { Municipality } from '../../model/municipality.ts';
import type { Ports } from '../../ports.ts';

/** A municipality with its contacts, for those who work with it. */
export async function getMunicipality(
  deps: Pick<Ports, 'municipalities'>,
  caller: Caller,
  municipalityId: string,
): Promise<Municipality> {
  const municipality = await deps.municipalities.get(municipalityId);
  if (!municipality || !canSeeTenant(caller, municipality))
    throw new NotFoundError(`No municipality ${municipalityId}`);
  return municipality;
}
