import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured logger for every handler. Log ids and outcomes only: payloads, outputs, contacts and
 * tokens are personal or secret and never logged.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'romact' });

/**
 * The line logged when notifications reached nobody (with `count`): the stack's metric filter counts it into
 * the undeliverable-notifications alarm, so its wording is written once, here.
 */
export const UNDELIVERABLE_LOG_MESSAGE = 'undeliverable notification';

/** Logs notifications nobody could receive, for the alarm (nothing when there are none). */
export function logUndeliverable(count: number | undefined, context: Record<string, string | undefined>) {
  if (count && count > 0) logger.warn(UNDELIVERABLE_LOG_MESSAGE, { count, ...context });
}
