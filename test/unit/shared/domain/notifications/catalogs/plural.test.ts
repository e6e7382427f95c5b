import { describe, expect, it } from 'vitest';
import { pluralCategory, pluralForm, wording } from '#shared/domain/notifications/catalogs/plural.ts';

const days = { one: '{days} zi', few: '{days} zile', other: '{days} de zile' };

describe('plurals', () => {
  it('pick the form a language uses for a number (Romanian: 1 zi, 2 zile, 21 de zile)', () => {
    expect(pluralCategory(1, 'ro')).toBe('one');
    expect(pluralForm(days, 1, 'ro')).toBe('{days} zi');
    expect(pluralForm(days, 2, 'ro')).toBe('{days} zile');
    expect(pluralForm(days, 21, 'ro')).toBe('{days} de zile');
  });

  it('fall back to the other form when a category is not given', () => {
    expect(pluralForm({ other: 'n' }, 1, 'en')).toBe('n');
    expect(pluralForm({ one: 'x', other: 'n' }, 3, 'sk')).toBe('n'); // Slovak 3 is "few"
  });

  it('use a plain sentence as it is', () => {
    expect(wording('Overdue', 5, 'bg')).toBe('Overdue');
    expect(wording({ one: 'a', other: 'b' }, 1, 'en')).toBe('a');
  });
});
