import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every page's text exists in the six languages: each catalogue has exactly the English keys, with the plural
 * forms its language needs (Intl.PluralRules), and every key the code names literally exists.
 */

const WEB = new URL('../../../web/src/', import.meta.url).pathname;
const LOCALES = ['en', 'bg', 'hu', 'it', 'ro', 'sk'];
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(value: unknown, prefix = ''): Record<string, string> {
  return Object.entries(value as Record<string, unknown>).reduce<Record<string, string>>(
    (all, [key, child]) => {
      if (child && typeof child === 'object') Object.assign(all, flatten(child, `${prefix}${key}.`));
      else all[`${prefix}${key}`] = String(child);
      return all;
    },
    {},
  );
}

const catalog = (locale: string) =>
  flatten(JSON.parse(readFileSync(join(WEB, 'locales', `${locale}.json`), 'utf8')));

/** Keys without plural suffixes, and for each plural key the categories present. */
function shape(entries: Record<string, string>) {
  const plain = new Set<string>();
  const plurals = new Map<string, Set<string>>();
  for (const key of Object.keys(entries)) {
    const match = PLURAL.exec(key);
    if (!match) plain.add(key);
    else {
      const base = key.slice(0, -match[0].length);
      plurals.set(base, (plurals.get(base) ?? new Set()).add(match[1] ?? ''));
    }
  }
  return { plain, plurals };
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : /\.tsx?$/.test(entry.name)
        ? [join(dir, entry.name)]
        : [],
  );
}

describe('Web app catalogues', () => {
  const english = shape(catalog('en'));

  it.each(LOCALES.filter((locale) => locale !== 'en'))('%s has every English key and no other', (locale) => {
    // Prepare
    const translated = shape(catalog(locale));
    // Assess
    expect([...translated.plain].sort()).toEqual([...english.plain].sort());
    expect([...translated.plurals.keys()].sort()).toEqual([...english.plurals.keys()].sort());
  });

  it.each(LOCALES)('%s has every plural form its language uses', (locale) => {
    const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
    const missing = [...shape(catalog(locale)).plurals].flatMap(([key, present]) =>
      categories.filter((category) => !present.has(category)).map((category) => `${key}_${category}`),
    );
    expect(missing).toEqual([]);
  });

  it.each(LOCALES)('%s leaves no text empty or untranslated placeholders', (locale) => {
    const entries = catalog(locale);
    const english = catalog('en');
    for (const [key, text] of Object.entries(entries)) {
      expect(text.trim(), key).not.toBe('');
      const base = key.replace(PLURAL, '');
      const source = english[key] ?? english[`${base}_other`] ?? '';
      const placeholders = (value: string) => [...value.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders(text), key).toEqual(placeholders(source));
    }
  });

  it('has every key the code names', () => {
    const keys = new Set([...english.plain, ...english.plurals.keys()]);
    const named = sourceFiles(WEB).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)].map((match) => match[1] ?? ''),
    );
    expect(named.length).toBeGreaterThan(100);
    expect(named.filter((key) => !keys.has(key))).toEqual([]);
  });
});
