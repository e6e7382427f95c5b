import { NotFoundError } from '../../errors.ts';
import { type Caller, canSeeTenant } from '../../model/caller.ts';
import { isPublished, type Publication } from '../../model/publication.ts';
import type { Ports } from '../../ports.ts';

/** Whether a municipality's public page is published, and who consented when (for its members and coordinators). */
export async function getPublication(
  deps: Pick<Ports, 'municipalities' | 'publications'>,
  caller: Caller,
  municipalityId: string,
): Promise<{ publication?: Publication; published: boolean }> {
  const municipality = await deps.municipalities.get(municipalityId);
  if (!municipality || !canSeeTenant(caller, municipality))
    throw new NotFoundError(`No municipality ${municipalityId}`);
  const publication = await deps.publications.get(municipalityId);
  return { ...(publication ? { publication } : {}), published: isPublished(publication) };
}
