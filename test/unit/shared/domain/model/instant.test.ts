import { describe, expect, it } from 'vitest';
import { CountryCode, Instant } from '#shared/domain/model/instant.ts';

describe('Instant and CountryCode', () => {
  it('take only instants with an offset, so a stored time is never ambiguous', () => {
    expect(Instant.safeParse('2027-03-31T20:59:59.999Z').success).toBe(true);
    expect(Instant.safeParse('2027-03-31T23:59:59+03:00').success).toBe(true);
    for (const bad of ['2027-03-31', '2027-03-31T20:59:59', 'yesterday'])
      expect(Instant.safeParse(bad).success, bad).toBe(false);
  });

  it('take ISO country codes in capitals, and say so', () => {
    expect(CountryCode.safeParse('BG').success).toBe(true);
    expect(CountryCode.safeParse('bg').error?.issues[0]?.message).toMatch(/alpha-2/);
    expect(CountryCode.safeParse('BGR').success).toBe(false);
  });
});
