import { addDuration, isPositiveDuration } from '../duration.ts';

/**
 * A Step Functions Standard execution lives at most one year; nothing catches its end (the cycle would stay
 * RUNNING with its last completion stored and never delivered). So no execution waits past its template's
 * `chainAfter`: every wait is cut at that age, and when it ends there the execution starts a fresh one that
 * resumes the same phase and the same tasks (same ids, deadlines and notifications), then ends.
 *
 * Quotas: https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html (maximum execution time).
 */

/** The longest `chainAfter` allowed: a year of 365 days less a week for an execution's last steps and retries. */
export const MAX_CHAIN_AFTER_DAYS = 358;
/** The shortest: a shorter one would only chain for nothing. */
export const MIN_CHAIN_AFTER_DAYS = 1;

const DAY_MS = 86_400_000;

/** Days a duration spans from a fixed reference date (a year given as P1Y counts as 365 or 366 days). */
export function durationDays(text: string, from = new Date('2025-01-01T00:00:00Z')): number {
  return (addDuration(from, text).getTime() - from.getTime()) / DAY_MS;
}

/** Why a `chainAfter` cannot keep executions under Step Functions' one-year limit, or undefined if it can. */
export function chainAfterProblem(text: string): string | undefined {
  if (!isPositiveDuration(text)) return 'must be a positive ISO-8601 duration such as "P300D"';
  // The longest span the duration can mean: from the start of a leap year.
  const days = Math.max(durationDays(text), durationDays(text, new Date('2028-01-01T00:00:00Z')));
  if (days > MAX_CHAIN_AFTER_DAYS)
    return `must be at most P${MAX_CHAIN_AFTER_DAYS}D: an execution must chain to a fresh one before Step Functions ends it at one year`;
  if (days < MIN_CHAIN_AFTER_DAYS) return `must be at least P${MIN_CHAIN_AFTER_DAYS}D`;
  return undefined;
}

/** When an execution that started at `executionStartedAt` must chain: no wait of it may run past this. */
export function chainAtOf(executionStartedAt: string | Date, chainAfter: string): Date {
  return addDuration(new Date(executionStartedAt), chainAfter);
}
