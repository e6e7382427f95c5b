import * as z from 'zod';
import { CountryCode, Instant } from './instant.ts';

/** The two sides whose joint consent publishes a municipality's public page. */
export const PublicationSide = z.enum(['municipality', 'cag']);
/** A side of the joint consent. */
export type PublicationSide = z.infer<typeof PublicationSide>;

/** One side's consent: when, and by whom (a person's id, never a name). */
export const Consent = z.object({
  givenAt: Instant,
  userId: z.string().optional(),
});

/**
 * The group described without names: how many women, men and people who gave another answer or none, as
 * the group itself counts them (aggregates only; the engine stores no one's gender).
 */
export const GenderBalance = z.strictObject({
  women: z.int().min(0).max(10_000),
  men: z.int().min(0).max(10_000),
  otherOrUndisclosed: z.int().min(0).max(10_000),
});
/** The group's gender balance, as counts. */
export type GenderBalance = z.infer<typeof GenderBalance>;

/** The most changes of consent a publication remembers (the oldest are dropped). */
export const MAX_PUBLICATION_HISTORY = 100;

/**
 * Whether a municipality's public page is published: only while both the municipality's staff and its CAG
 * consent. Either side withdrawing unpublishes it at once. The history records who changed what, by person
 * id, so the record survives an erasure without keeping a name.
 */
export const Publication = z.object({
  municipalityId: z.string(),
  country: CountryCode,
  consents: z.object({ municipality: Consent.optional(), cag: Consent.optional() }).default({}),
  genderBalance: GenderBalance.optional(),
  history: z
    .array(
      z.object({
        at: Instant,
        side: PublicationSide,
        action: z.enum(['consented', 'withdrew', 'described']),
        userId: z.string().optional(),
      }),
    )
    .max(MAX_PUBLICATION_HISTORY)
    .default([]),
  updatedAt: Instant,
  version: z.int().min(1),
});
/** A municipality's joint consent to its public page. */
export type Publication = z.infer<typeof Publication>;

/** Published: both sides consent. */
export function isPublished(publication: Pick<Publication, 'consents'> | undefined): boolean {
  return Boolean(publication?.consents.municipality && publication.consents.cag);
}
