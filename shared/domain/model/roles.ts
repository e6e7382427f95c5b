import { z } from 'zod';

/** Who a task is assigned to: the municipality's contact, the Community Action Group, or the programme coordinator. */
export const Role = z.enum(['municipality', 'cag', 'coordinator']);
/** A participant role in a planning cycle. */
export type Role = z.infer<typeof Role>;

/** A locale code such as `en`, `bg`, `hu`, `it`, `ro`, `sk`. */
export const LocaleCode = z
  .string()
  .regex(/^[a-z]{2}(-[A-Z]{2})?$/, 'must be a locale code such as "en" or "bg"');

/** Text in several languages; English is required as the fallback. */
export const LocalizedText = z.object({ en: z.string().min(1) }).catchall(z.string().min(1));
/** Text in several languages, `en` always present. */
export type LocalizedText = z.infer<typeof LocalizedText>;
