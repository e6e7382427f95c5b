import { describe, expect, it } from 'vitest';
import { sendAfterFor } from '#shared/domain/notifications/recipients.ts';

/** When a message may reach a person: at once, or when their quiet hours end, in their own time zone. */

const person = (timeZone: string, quietHours?: { start: string; end: string } | null) => ({
  timeZone,
  preferences: quietHours === undefined ? {} : { quietHours },
});
const at = (instant: string) => new Date(instant);
const whenSent = (timeZone: string, quiet: { start: string; end: string } | null | undefined, now: string) =>
  sendAfterFor(person(timeZone, quiet), at(now)).toISOString();

const night = { start: '21:00', end: '07:00' };

describe('sendAfterFor: quiet hours in the person’s time zone', () => {
  it('sends at once without quiet hours, with none set, or with an empty window', () => {
    expect(whenSent('Europe/Sofia', undefined, '2027-01-04T22:30:00.000Z')).toBe('2027-01-04T22:30:00.000Z');
    expect(whenSent('Europe/Sofia', null, '2027-01-04T22:30:00.000Z')).toBe('2027-01-04T22:30:00.000Z');
    expect(whenSent('Europe/Sofia', { start: '09:00', end: '09:00' }, '2027-01-04T07:30:00.000Z')).toBe(
      '2027-01-04T07:30:00.000Z',
    );
  });

  it('holds a message from the evening until the morning after, over midnight', () => {
    // 22:00 in Sofia (UTC+2 in winter) → 07:00 the next morning there.
    expect(whenSent('Europe/Sofia', night, '2027-01-04T20:00:00.000Z')).toBe('2027-01-05T05:00:00.000Z');
  });

  it('holds a message after midnight until the same morning', () => {
    // 02:00 in Sofia → 07:00 that day.
    expect(whenSent('Europe/Sofia', night, '2027-01-05T00:00:00.000Z')).toBe('2027-01-05T05:00:00.000Z');
  });

  it('sends at once outside the window, and at its very end', () => {
    expect(whenSent('Europe/Sofia', night, '2027-01-05T10:00:00.000Z')).toBe('2027-01-05T10:00:00.000Z');
    expect(whenSent('Europe/Sofia', night, '2027-01-05T05:00:00.000Z')).toBe('2027-01-05T05:00:00.000Z');
    expect(whenSent('Europe/Sofia', night, '2027-01-04T18:59:00.000Z')).toBe('2027-01-04T18:59:00.000Z');
    expect(whenSent('Europe/Sofia', night, '2027-01-04T19:00:00.000Z')).toBe('2027-01-05T05:00:00.000Z');
  });

  it('reads the window in the person’s own zone: the same instant is quiet in Sofia, not in Lisbon', () => {
    expect(whenSent('Europe/Lisbon', night, '2027-01-04T20:00:00.000Z')).toBe('2027-01-04T20:00:00.000Z');
    expect(whenSent('Europe/Lisbon', night, '2027-01-04T21:30:00.000Z')).toBe('2027-01-05T07:00:00.000Z');
  });

  it('handles a window within one day (a lunch break)', () => {
    const lunch = { start: '12:00', end: '13:30' };
    expect(whenSent('Europe/Rome', lunch, '2027-06-01T10:15:00.000Z')).toBe('2027-06-01T11:30:00.000Z');
    expect(whenSent('Europe/Rome', lunch, '2027-06-01T11:45:00.000Z')).toBe('2027-06-01T11:45:00.000Z');
  });

  it('ends the window at the local hour across a change of clocks (the night summer time begins)', () => {
    // 22:00 on 27 March 2027 in Sofia (UTC+2); clocks go to UTC+3 at 03:00 → 07:00 local is 04:00 UTC.
    expect(whenSent('Europe/Sofia', night, '2027-03-27T20:00:00.000Z')).toBe('2027-03-28T04:00:00.000Z');
    // The night winter time returns (31 October 2027): 07:00 local is 05:00 UTC again.
    expect(whenSent('Europe/Sofia', night, '2027-10-30T19:00:00.000Z')).toBe('2027-10-31T05:00:00.000Z');
  });
});
