import { describe, expect, it } from 'vitest';
import { LocaleCode, LocalizedText, locales, Role } from '#shared/domain/model/roles.ts';

describe('roles and languages', () => {
  it('knows the three roles and the six languages', () => {
    expect(Role.options).toEqual(['municipality', 'cag', 'coordinator']);
    expect(locales).toEqual(['en', 'bg', 'hu', 'it', 'ro', 'sk']);
  });

  it('says which languages it takes when given another', () => {
    expect(LocaleCode.safeParse('de').error?.issues[0]?.message).toBe(
      'must be one of en, bg, hu, it, ro, sk',
    );
  });

  it('requires English in localized text, as the fallback, and no empty translation', () => {
    expect(LocalizedText.safeParse({ en: 'Plan', bg: 'План' }).success).toBe(true);
    expect(LocalizedText.safeParse({ bg: 'План' }).error?.issues[0]?.path).toEqual(['en']);
    expect(LocalizedText.safeParse({ en: 'Plan', bg: '' }).error?.issues[0]?.path).toEqual(['bg']);
  });
});
