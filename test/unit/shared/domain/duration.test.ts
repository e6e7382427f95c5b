import { describe, expect, it } from 'vitest';
import { addDuration, isPositiveDuration, parseDuration } from '#shared/domain/duration.ts';

describe('ISO-8601 durations', () => {
  it('parses every part', () => {
    expect(parseDuration('P1Y2M3W4DT5H6M7.5S')).toEqual({
      years: 1,
      months: 2,
      weeks: 3,
      days: 4,
      hours: 5,
      minutes: 6,
      seconds: 7.5,
    });
  });

  it.each(['P', 'PT', 'P-1D', '30D', 'P1DT', 'p30d', ''])('rejects %j', (text) => {
    expect(isPositiveDuration(text)).toBe(false);
  });

  it('rejects a zero duration as a deadline offset', () => {
    expect(isPositiveDuration('P0D')).toBe(false);
  });

  it('adds days across a DST change without drifting (UTC arithmetic)', () => {
    expect(addDuration(new Date('2027-03-20T09:00:00Z'), 'P60D').toISOString()).toBe(
      '2027-05-19T09:00:00.000Z',
    );
  });

  it('adds calendar months and years', () => {
    expect(addDuration(new Date('2027-01-15T00:00:00Z'), 'P1Y1M').toISOString()).toBe(
      '2028-02-15T00:00:00.000Z',
    );
  });
});
