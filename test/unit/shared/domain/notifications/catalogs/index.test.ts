import { describe, expect, it } from 'vitest';
import { catalogFor, catalogs } from '#shared/domain/notifications/catalogs/index.ts';

describe('catalogFor', () => {
  it('finds a language by its code, with or without region, in any case', () => {
    for (const locale of ['bg', 'bg-BG', 'BG'])
      expect(catalogFor(locale)).toEqual({ locale: 'bg', catalog: catalogs.bg });
  });

  it('falls back to English for a language it does not speak', () => {
    for (const locale of ['de', 'de-AT', ''])
      expect(catalogFor(locale)).toEqual({ locale: 'en', catalog: catalogs.en });
  });
});
