/** ISO-8601 durations (P1Y2M10DT2H30M, P6W) parsed and added in UTC, so deadlines never depend on the host's zone. */

const DURATION_PATTERN =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** The parts of a parsed ISO-8601 duration; every part is zero or positive. */
export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/** Parses an ISO-8601 duration; returns undefined for anything else (negative, empty "P", "PT"). */
export function parseDuration(text: string): Duration | undefined {
  const match = DURATION_PATTERN.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  const [, years, months, weeks, days, hours, minutes, seconds] = match.map((part) => Number(part ?? 0));
  return {
    years: years ?? 0,
    months: months ?? 0,
    weeks: weeks ?? 0,
    days: days ?? 0,
    hours: hours ?? 0,
    minutes: minutes ?? 0,
    seconds: seconds ?? 0,
  };
}

/** True for a well-formed ISO-8601 duration longer than zero. */
export function isPositiveDuration(text: string): boolean {
  const duration = parseDuration(text);
  return duration !== undefined && Object.values(duration).some((part) => part > 0);
}

/** Adds a duration to an instant; calendar parts (years, months) follow the UTC calendar. */
export function addDuration(instant: Date, text: string): Date {
  const duration = parseDuration(text);
  if (!duration) throw new RangeError(`Not an ISO-8601 duration: ${text}`);
  const result = new Date(instant.getTime());
  result.setUTCFullYear(result.getUTCFullYear() + duration.years, result.getUTCMonth() + duration.months);
  const fixedMs =
    ((duration.weeks * 7 + duration.days) * 86_400 + duration.hours * 3_600 + duration.minutes * 60) * 1_000 +
    duration.seconds * 1_000;
  return new Date(result.getTime() + fixedMs);
}

/** Subtracts a duration from an instant (the mirror of addDuration). */
export function subtractDuration(instant: Date, text: string): Date {
  const duration = parseDuration(text);
  if (!duration) throw new RangeError(`Not an ISO-8601 duration: ${text}`);
  const fixedMs =
    ((duration.weeks * 7 + duration.days) * 86_400 + duration.hours * 3_600 + duration.minutes * 60) * 1_000 +
    duration.seconds * 1_000;
  const result = new Date(instant.getTime() - fixedMs);
  result.setUTCFullYear(result.getUTCFullYear() - duration.years, result.getUTCMonth() - duration.months);
  return result;
}
