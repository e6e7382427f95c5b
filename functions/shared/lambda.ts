import type { StepName } from '#workflows/contract.ts';
import type { ApiRoute } from './api-route.ts';
import { awsPorts } from './aws-ports.ts';
import { httpHandler } from './http-handler.ts';
import { type StepDefinition, stepHandler } from './step-handler.ts';

/** The Lambda entry of a route: its edge on the AWS adapters. */
export function lambdaRoute<P, Q, B>(route: ApiRoute<P, Q, B>) {
  return httpHandler(route as unknown as ApiRoute, () => awsPorts(route.access, route.name));
}

/** The Lambda entry of a state machine step: its edge on the AWS adapters. */
export function lambdaStep<S extends StepName>(definition: StepDefinition<S>) {
  return stepHandler(definition, () => awsPorts(definition.access, definition.step));
}
