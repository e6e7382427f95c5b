import * as z from 'zod';

/** Who a task is assigned to: the municipality's contact, the Community Action Group, or the programme coordinator. */
export const Role = z.enum(['municipality', 'cag', 'coordinator']);
/** A participant role in a planning cycle. */
export type Role = z.infer<typeof Role>;

/** The languages the engine speaks: English and the languages of the ROMACT countries. */
export const locales = ['en', 'bg', 'hu', 'it', 'ro', 'sk'] as const;
/** One of the supported languages. */
export const LocaleCode = z.enum(locales, { error: `must be one of ${locales.join(', ')}` });
/** One of the supported languages. */
export type Locale = z.infer<typeof LocaleCode>;

/** Text in several languages; English is required as the fallback. */
export const LocalizedText = z.object({ en: z.string().min(1) }).catchall(z.string().min(1));
/** Text in several languages, `en` always present. */
export type LocalizedText = z.infer<typeof LocalizedText>;
