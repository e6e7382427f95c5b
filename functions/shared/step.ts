import middy from '@middy/core';
import type { z } from 'zod';
import { fieldIssues, InvalidInputError } from '#shared/domain/errors.ts';
import type { Dependencies } from '#shared/domain/ports.ts';
import { dependencies } from './dependencies.ts';
import { logger } from './logger.ts';

/**
 * A state machine step: its payload validated with zod (a bad payload fails the step, and the state machine
 * records the failure), one call into the domain, and a log line with the cycle id only.
 */
export function step<I, O>(
  name: string,
  schema: z.ZodType<I>,
  call: (deps: Dependencies, input: I) => Promise<O>,
) {
  const lambdaHandler = async (event: unknown): Promise<O> => {
    const parsed = schema.safeParse(event);
    if (!parsed.success)
      throw new InvalidInputError(`Invalid ${name} payload`, fieldIssues(parsed.error.issues));
    const result = await call(dependencies(), parsed.data);
    logger.debug('step done', { step: name, cycleId: (parsed.data as { cycleId?: string }).cycleId });
    return result;
  };
  return middy<unknown, O>().handler(lambdaHandler);
}
