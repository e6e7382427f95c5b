import * as z from 'zod';
import { ForbiddenError, fieldIssues, InvalidInputError, NotFoundError } from '../../errors.ts';
import { type Caller, canSeeTenant } from '../../model/caller.ts';
import {
  GenderBalance,
  isPublished,
  MAX_PUBLICATION_HISTORY,
  type Publication,
  type PublicationSide,
} from '../../model/publication.ts';
import { updateWithRetry } from '../../ops/retry.ts';
import type { Ports } from '../../ports.ts';

/** A side's consent, with (optionally) how the group describes itself in numbers. */
export const ConsentRequest = z.strictObject({ genderBalance: GenderBalance.optional() });

/**
 * Gives or withdraws one side's consent to the municipality's public page: the municipality's staff speak for
 * the municipality, CAG members for the CAG; coordinators may look but not decide. The page is published while
 * both sides consent; a withdrawal unpublishes it at once (the next request for the page is a 404). Each change
 * is recorded by person id, and announced as an event (on AWS the page's cached copies are dropped on it).
 */
export async function changeConsent(
  deps: Pick<Ports, 'municipalities' | 'publications' | 'clock' | 'notifier'>,
  caller: Caller,
  municipalityId: string,
  change: { consent: boolean; body?: unknown },
): Promise<{ publication: Publication; published: boolean }> {
  const municipality = await deps.municipalities.get(municipalityId);
  if (!municipality || !canSeeTenant(caller, municipality))
    throw new NotFoundError(`No municipality ${municipalityId}`);
  if (caller.role === 'coordinator')
    throw new ForbiddenError('The municipality and its CAG decide together whether their page is public');
  const side: PublicationSide = caller.role;
  const parsed = ConsentRequest.safeParse(change.body ?? {});
  if (!parsed.success) throw new InvalidInputError('Invalid consent', fieldIssues(parsed.error.issues));
  const at = deps.clock.now().toISOString();
  const who = caller.userId ? { userId: caller.userId } : {};
  const before = await deps.publications.get(municipalityId);
  const wasPublished = isPublished(before);
  const decide = (current: Publication | undefined): Partial<Publication> => {
    const consents = { ...(current?.consents ?? {}) };
    if (change.consent) consents[side] = consents[side] ?? { givenAt: at, ...who };
    else delete consents[side];
    const history = [
      ...(current?.history ?? []),
      { at, side, action: change.consent ? ('consented' as const) : ('withdrew' as const), ...who },
      ...(parsed.data.genderBalance ? [{ at, side, action: 'described' as const, ...who }] : []),
    ].slice(-MAX_PUBLICATION_HISTORY);
    return {
      consents,
      history,
      ...(parsed.data.genderBalance ? { genderBalance: parsed.data.genderBalance } : {}),
      updatedAt: at,
    };
  };
  const publication = await updateWithRetry(
    async () => deps.publications.get(municipalityId),
    async (current) => {
      if (!current) {
        const { publication: created, created: isNew } = await deps.publications.create({
          municipalityId,
          country: municipality.country,
          ...(decide(undefined) as Pick<Publication, 'consents' | 'history' | 'updatedAt'>),
          version: 1,
        });
        if (isNew) return created;
        return deps.publications.update(created, decide(created));
      }
      return deps.publications.update(current, decide(current));
    },
    { initial: before },
  );
  const published = isPublished(publication);
  if (published !== wasPublished)
    await deps.notifier.publish({
      type: 'publication.changed',
      at,
      detail: { municipalityId, published },
    });
  return { publication: publication as Publication, published };
}
