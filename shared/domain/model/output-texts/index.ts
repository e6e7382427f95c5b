import type { Locale } from '../roles.ts';
import { bg } from './bg.ts';
import { en, type OutputTextKey, type OutputTexts } from './en.ts';
import { hu } from './hu.ts';
import { it } from './it.ts';
import { ro } from './ro.ts';
import { sk } from './sk.ts';
import type { OutputText } from './text.ts';

export type { OutputTextKey } from './en.ts';
export type { OutputText } from './text.ts';

/** The texts of every task output, by language. */
export const outputTexts: Record<Locale, OutputTexts> = { en, bg, hu, it, ro, sk };

/**
 * One output text in a language: its title and description, and its examples, or the English ones when the
 * language gives none (dates, amounts and codes read the same everywhere).
 */
export function outputText(key: OutputTextKey, locale: Locale): OutputText {
  const own: OutputText = outputTexts[locale][key];
  const english: OutputText = en[key];
  return { ...own, ...(own.examples || !english.examples ? {} : { examples: english.examples }) };
}
