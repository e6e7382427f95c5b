import { describe, expect, it } from 'vitest';
import {
  chainAfterProblem,
  chainAtOf,
  durationDays,
  MAX_CHAIN_AFTER_DAYS,
} from '#shared/domain/model/chaining.ts';

describe('chainAfterProblem', () => {
  it('accepts a chain age inside Step Functions’ year', () => {
    for (const ok of ['P1D', 'P300D', `P${MAX_CHAIN_AFTER_DAYS}D`, 'P11M', 'P51W'])
      expect(chainAfterProblem(ok), ok).toBeUndefined();
  });

  it('refuses one that could outlive an execution, counting a leap year', () => {
    expect(chainAfterProblem(`P${MAX_CHAIN_AFTER_DAYS + 1}D`)).toMatch(/at most P358D/);
    expect(chainAfterProblem('P1Y')).toMatch(/at most P358D/);
  });

  it('refuses a non-duration and one shorter than a day', () => {
    expect(chainAfterProblem('a year')).toMatch(/positive ISO-8601/);
    expect(chainAfterProblem('PT12H')).toMatch(/at least P1D/);
  });
});

describe('chainAtOf', () => {
  it('is the execution’s start plus the chain age', () => {
    expect(chainAtOf('2027-01-04T09:00:00.000Z', 'P300D').toISOString()).toBe('2027-10-31T09:00:00.000Z');
  });

  it('counts months from a reference date', () => {
    expect(durationDays('P1M', new Date('2025-02-01T00:00:00Z'))).toBe(28);
    expect(durationDays('P1M', new Date('2028-02-01T00:00:00Z'))).toBe(29);
  });
});
