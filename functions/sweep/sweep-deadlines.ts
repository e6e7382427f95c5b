import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Ports } from '#shared/domain/ports.ts';
import { sweepDeadlines } from '#shared/domain/usecases/notifications/sweep-deadlines.ts';
import type { Access } from '../shared/access.ts';
import { awsPorts } from '../shared/aws-ports.ts';
import { logger, logUndeliverable } from '../shared/logger.ts';

/** What the sweep may touch: its index, task and notification items, and messages. */
export const sweepAccess: Access = { table: 'sweep', notify: 'messages', workflow: ['taskToken'] };

/** The deadline sweep's edge on the given ports (EventBridge Scheduler on AWS, a timer offline). */
export function sweepHandler(portsFor: () => Ports) {
  return middy()
    .use(injectLambdaContext(logger))
    .handler(async () => {
      const report = await sweepDeadlines(portsFor());
      // A sweep that found nothing to do is not news (locally it runs every second under a fast clock).
      logUndeliverable(report.undeliverable, { source: 'sweep' });
      // Messages the transport refused for good (an opted-out or invalid number, a rejected email) reach nobody
      // either: the same alarm. Counts only, never addresses.
      logUndeliverable(report.refused, { source: 'sweep-refused' });
      if (report.messages > 0 || report.recorded > 0) logger.info('sweep done', { ...report });
      else logger.debug('sweep done', { ...report });
      return report;
    });
}

/** The Lambda entry: every 15 minutes. */
export const handler = sweepHandler(() => awsPorts(sweepAccess, 'sweep'));
