import * as z from 'zod';
import { addDuration, parseDuration } from '../duration.ts';

/**
 * Dates as people mean them. A date without a time ("2027-09-30") is the end of that day where the
 * municipality is, not in UTC: a funding call that closes on 30 September in Sofia closes at 23:59:59.999
 * Sofia time. Every date and duration a person gives is bounded by the planning horizon, so no input can store
 * a value that a later read, a timer or a calendar cannot handle.
 */

/** How far ahead anything may be planned. */
export const PLANNING_HORIZON = 'P10Y';
/** The longest duration a template or a cycle may use (no single offset beyond the horizon). */
const MAX_DURATION_DAYS = 3_660;

/** A date (YYYY-MM-DD) or an ISO-8601 instant with its offset. */
export const DateInput = z
  .string()
  .refine(
    (value) =>
      z.iso.date().safeParse(value).success || z.iso.datetime({ offset: true }).safeParse(value).success,
    'must be a date such as "2027-09-30" or an instant such as "2027-09-30T17:00:00+03:00"',
  );

/** A calendar date (YYYY-MM-DD). */
export const CalendarDate = z.iso.date({ error: 'must be a date such as "2027-09-30"' });

/** Rough length of a duration in days (calendar months as 31 days): for bounds, never for arithmetic. */
export function durationDays(text: string): number {
  const duration = parseDuration(text);
  if (!duration) return Number.NaN;
  return (
    duration.years * 366 +
    duration.months * 31 +
    duration.weeks * 7 +
    duration.days +
    (duration.hours * 3_600 + duration.minutes * 60 + duration.seconds) / 86_400
  );
}

/** A positive ISO-8601 duration of at most the planning horizon. */
export const BoundedDuration = z.string().superRefine((text, ctx) => {
  const days = durationDays(text);
  if (!(days > 0))
    ctx.addIssue({ code: 'custom', message: 'must be a positive ISO-8601 duration such as "P30D"' });
  else if (days > MAX_DURATION_DAYS)
    ctx.addIssue({ code: 'custom', message: `must be at most ${PLANNING_HORIZON} (the planning horizon)` });
});

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * One `Intl.DateTimeFormat` per locale and options (time zone included), made once: making one costs far more
 * than using it, and reminders, deadlines and quiet hours format dates on every step. The keys are bounded by
 * the locales and validated time zones the engine accepts.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}

/** The UTC offset of a time zone at an instant, in minutes. */
function offsetMinutes(timeZone: string, at: number): number {
  const parts = Object.fromEntries(
    dateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(at))
      .map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return Math.round((asUtc - Math.floor(at / 1_000) * 1_000) / 60_000);
}

/** The instant a wall-clock time of a time zone falls on (DST gaps move forward, as people expect). */
export function zonedInstant(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hours, minutes, seconds, ms] = time.split(/[:.]/).map(Number) as [number, number, number?, number?];
  const wall = Date.UTC(year, month - 1, day, hours, minutes, seconds ?? 0, ms ?? 0);
  let guess = wall - offsetMinutes(timeZone, wall) * 60_000;
  // A second pass settles the offset when the first guess fell on the other side of a DST change.
  guess = wall - offsetMinutes(timeZone, guess) * 60_000;
  return new Date(guess);
}

/** A date-only value is the end of that day in `timeZone`; an instant is normalised to ISO (UTC). */
export function toInstant(value: string, timeZone: string): string {
  if (value.length === 10) return zonedInstant(value, '23:59:59.999', timeZone).toISOString();
  return new Date(value).toISOString();
}

/** The calendar date of an instant in a time zone (YYYY-MM-DD). */
export function localDate(instant: Date | string, timeZone: string): string {
  return dateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));
}

/** The latest instant anything may be planned for, seen from `now`. */
export function horizonFrom(now: Date): Date {
  return addDuration(now, PLANNING_HORIZON);
}

/** True for an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
