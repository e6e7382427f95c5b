import { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured logger for every handler. Log ids and outcomes only: payloads, outputs, contacts and
 * tokens are personal or secret and never logged.
 */
export const logger = new Logger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'romact' });
