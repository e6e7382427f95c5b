import * as z from 'zod';

/** An instant with its offset, as stored and returned (`2027-03-31T20:59:59.999Z`). */
export const Instant = z.iso.datetime({ offset: true });

/** An ISO-3166 alpha-2 country code (BG, HU, IT, RO, SK, ...). */
export const CountryCode = z.string().regex(/^[A-Z]{2}$/, 'must be an ISO-3166 alpha-2 code such as "BG"');
