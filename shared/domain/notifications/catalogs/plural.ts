import type { Plural } from './catalog.ts';

/** One plural-rules formatter per locale, made once: building them is the expensive part. */
const rules = new Map<string, Intl.PluralRules>();

function rulesFor(locale: string): Intl.PluralRules {
  let found = rules.get(locale);
  if (!found) {
    found = new Intl.PluralRules(locale);
    rules.set(locale, found);
  }
  return found;
}

/** The CLDR plural category of a count in a language (`one`, `few`, `other`, ...). */
export function pluralCategory(count: number, locale: string): Intl.LDMLPluralRule {
  return rulesFor(locale).select(count);
}

/** The form of a plural message for `count` in `locale`, falling back to `other`. */
export function pluralForm(message: Plural, count: number, locale: string): string {
  return message[pluralCategory(count, locale)] ?? message.other;
}

/** A catalogue message as a sentence: a plain one as it is, a plural one in the form that agrees with `count`. */
export function wording(message: string | Plural, count: number, locale: string): string {
  return typeof message === 'string' ? message : pluralForm(message, count, locale);
}
