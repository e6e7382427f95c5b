import { describe, expect, it } from 'vitest';
import { locales } from '#shared/domain/model/roles.ts';
import { eventCatalogs } from '#shared/domain/notifications/catalogs/events.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('event notices', () => {
  it.each(locales)('%s words every notice English has, with the same placeholders', (locale) => {
    const catalog = eventCatalogs[locale] as unknown as Record<string, string>;
    for (const [kind, english] of Object.entries(eventCatalogs.en)) {
      expect(catalog[kind]?.trim(), `${locale}.${kind}`).toBeTruthy();
      expect(placeholders(catalog[kind] ?? ''), `${locale}.${kind}`).toEqual(placeholders(english));
    }
    expect(Object.keys(catalog).sort()).toEqual(Object.keys(eventCatalogs.en).sort());
  });
});
