import { describe, expect, it } from 'vitest';
import {
  BoundedDuration,
  CalendarDate,
  DateInput,
  durationDays,
  horizonFrom,
  isTimeZone,
  localDate,
  toInstant,
  zonedInstant,
} from '#shared/domain/model/dates.ts';

describe('toInstant', () => {
  it('reads a date as the end of that day where the municipality is', () => {
    expect(toInstant('2027-09-30', 'Europe/Sofia')).toBe('2027-09-30T20:59:59.999Z'); // EEST, UTC+3
    expect(toInstant('2027-01-31', 'Europe/Sofia')).toBe('2027-01-31T21:59:59.999Z'); // EET, UTC+2
    expect(toInstant('2027-01-31', 'Europe/Rome')).toBe('2027-01-31T22:59:59.999Z');
    expect(toInstant('2027-01-31', 'UTC')).toBe('2027-01-31T23:59:59.999Z');
  });

  it('keeps an instant given with its offset, normalised to UTC', () => {
    expect(toInstant('2027-09-30T17:00:00+03:00', 'Europe/Rome')).toBe('2027-09-30T14:00:00.000Z');
  });
});

describe('zonedInstant', () => {
  it('finds the instant of a wall-clock time on both sides of a DST change', () => {
    // Sofia moves to summer time at 03:00 on 28 March 2027.
    expect(zonedInstant('2027-03-27', '12:00', 'Europe/Sofia').toISOString()).toBe(
      '2027-03-27T10:00:00.000Z',
    );
    expect(zonedInstant('2027-03-28', '12:00', 'Europe/Sofia').toISOString()).toBe(
      '2027-03-28T09:00:00.000Z',
    );
    expect(zonedInstant('2027-10-31', '12:00', 'Europe/Sofia').toISOString()).toBe(
      '2027-10-31T10:00:00.000Z',
    );
  });

  it('moves a time in the spring gap forward, as people expect', () => {
    // 03:30 does not exist in Sofia on 28 March 2027: it is 04:30 summer time, 01:30 UTC.
    expect(zonedInstant('2027-03-28', '03:30', 'Europe/Sofia').toISOString()).toBe(
      '2027-03-28T01:30:00.000Z',
    );
  });
});

describe('localDate', () => {
  it('is the calendar date where the person is, not in UTC', () => {
    expect(localDate('2027-01-04T22:30:00.000Z', 'Europe/Sofia')).toBe('2027-01-05');
    expect(localDate('2027-01-04T22:30:00.000Z', 'UTC')).toBe('2027-01-04');
    expect(localDate(new Date('2027-01-04T00:30:00.000Z'), 'America/New_York')).toBe('2027-01-03');
  });
});

describe('input schemas', () => {
  it('take a date or an instant with an offset, and name what they expect', () => {
    for (const good of ['2027-09-30', '2027-09-30T17:00:00+03:00', '2027-09-30T17:00:00Z'])
      expect(DateInput.safeParse(good).success, good).toBe(true);
    for (const bad of ['2027-09-31', '2027-09-30T17:00:00', '30.09.2027', 'tomorrow']) {
      const parsed = DateInput.safeParse(bad);
      expect(parsed.success, bad).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/must be a date such as/);
    }
    expect(CalendarDate.safeParse('2027-02-29').success).toBe(false);
    expect(CalendarDate.safeParse('2028-02-29').success).toBe(true);
  });

  it('bound durations to the planning horizon', () => {
    expect(BoundedDuration.safeParse('P30D').success).toBe(true);
    expect(BoundedDuration.safeParse('P10Y').success).toBe(true);
    expect(BoundedDuration.safeParse('P11Y').error?.issues[0]?.message).toMatch(/planning horizon/);
    for (const bad of ['P0D', 'PT0S', '30 days', ''])
      expect(BoundedDuration.safeParse(bad).error?.issues[0]?.message, bad).toMatch(/positive ISO-8601/);
  });

  it('measure a duration roughly, for bounds', () => {
    expect(durationDays('P1Y2M3W4DT12H')).toBe(366 + 62 + 21 + 4 + 0.5);
    expect(durationDays('nonsense')).toBeNaN();
  });
});

describe('time zones and the horizon', () => {
  it('knows IANA zones and refuses made-up ones', () => {
    expect(isTimeZone('Europe/Bucharest')).toBe(true);
    expect(isTimeZone('Europe/Atlantis')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('plans at most ten years ahead', () => {
    expect(horizonFrom(new Date('2027-01-04T09:00:00.000Z')).toISOString()).toBe('2037-01-04T09:00:00.000Z');
  });
});
