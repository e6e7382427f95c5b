import * as z from 'zod';
import { MunicipalityId } from './ids.ts';
import { CountryCode, Instant } from './instant.ts';

/**
 * What a person is, and for whom: the coordinator of one or more countries, staff of a municipality, or a
 * member of its Community Action Group. One person may hold several; each request acts in one.
 */
export const Membership = z.discriminatedUnion('role', [
  z.object({
    membershipId: z.string().min(1).max(100),
    userId: z.string().min(1).max(100),
    role: z.literal('coordinator'),
    countries: z.array(CountryCode).min(1).max(30),
    invitedBy: z.string().optional(),
    createdAt: Instant,
  }),
  z.object({
    membershipId: z.string().min(1).max(100),
    userId: z.string().min(1).max(100),
    role: z.enum(['municipality', 'cag']),
    municipalityId: MunicipalityId,
    /** The municipality's country (members of a country are found through it). */
    country: CountryCode,
    invitedBy: z.string().optional(),
    createdAt: Instant,
  }),
]);
/** A membership. */
export type Membership = z.infer<typeof Membership>;
