import { bg } from './bg.ts';
import type { Catalog } from './catalog.ts';
import { en } from './en.ts';
import { hu } from './hu.ts';
import { it } from './it.ts';
import { ro } from './ro.ts';
import { sk } from './sk.ts';

/** Message catalogues by language: the ROMACT countries, English as the fallback. */
export const catalogs: Record<string, Catalog> = { en, bg, hu, it, ro, sk };

/** The catalogue for a locale (`bg`, `bg-BG`), or English. */
export function catalogFor(locale: string): { locale: string; catalog: Catalog } {
  const language = locale.slice(0, 2).toLowerCase();
  const catalog = catalogs[language];
  return catalog ? { locale: language, catalog } : { locale: 'en', catalog: en };
}
