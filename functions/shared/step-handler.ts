import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { fieldIssues, InvalidInputError } from '#shared/domain/errors.ts';
import type { Ports } from '#shared/domain/ports.ts';
import { type StepInput, type StepName, type StepOutput, steps } from '#workflows/contract.ts';
import type { Access } from './access.ts';
import { logger, logUndeliverable } from './logger.ts';

/** A state machine step: its contract name, what it may touch, and the one use case it runs. */
export interface StepDefinition<S extends StepName = StepName> {
  step: S;
  access: Access;
  run(ports: Ports, input: StepInput<S>): Promise<StepOutput<S>>;
}

/**
 * Declares a step. The use case's input and output are checked against the contract here: a use case that
 * expects a field the state machine does not send, or returns less than the ASL reads, is a type error.
 */
export function defineStep<S extends StepName, D>(
  step: S,
  access: Access,
  useCase: (ports: D, input: StepInput<S>) => Promise<StepOutput<S>>,
): StepDefinition<S> {
  return { step, access, run: (ports, input) => useCase(ports as unknown as D, input) };
}

/**
 * The edge of a step: the payload validated with the contract (a bad payload fails the step, and the state
 * machine records the failure), one call into the domain, and a log line with the cycle id only (and, when a
 * notification reached nobody, the line the undeliverable alarm counts).
 */
export function stepHandler<S extends StepName>(definition: StepDefinition<S>, portsFor: () => Ports) {
  const contract = steps[definition.step];
  const lambdaHandler = async (event: unknown): Promise<StepOutput<S>> => {
    const parsed = contract.input.safeParse(event);
    if (!parsed.success)
      throw new InvalidInputError(`Invalid ${definition.step} payload`, fieldIssues(parsed.error.issues));
    const result = await definition.run(portsFor(), parsed.data as StepInput<S>);
    // A task opened that nobody could be told of: counted by the undeliverable alarm, as the sweep's are.
    logUndeliverable((result as { undeliverable?: number }).undeliverable, { source: definition.step });
    logger.debug('step done', {
      step: definition.step,
      cycleId: (parsed.data as { cycleId?: string }).cycleId,
    });
    return result;
  };
  return middy<unknown, StepOutput<S>>().use(injectLambdaContext(logger)).handler(lambdaHandler);
}
