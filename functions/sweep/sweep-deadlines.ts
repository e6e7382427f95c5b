import middy from '@middy/core';
import { sweepDeadlines } from '#shared/domain/notifications/sweep.ts';
import { dependencies } from '../shared/dependencies.ts';
import { logger } from '../shared/logger.ts';

/** The deadline sweep, every 15 minutes (EventBridge Scheduler on AWS, a timer offline). */
const lambdaHandler = async () => {
  const report = await sweepDeadlines(dependencies());
  logger[report.messages || report.recorded || report.withdrawn ? 'info' : 'debug']('sweep done', {
    ...report,
  });
  return report;
};

export const handler = middy().handler(lambdaHandler);
