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

/**
 * The Lambda entry of a family of routes sharing one function: each request goes to the route of its
 * `routeKey` ("POST /tasks/{id}/attachments"), on ports restricted to that route's own access.
 */
// biome-ignore lint/suspicious/noExplicitAny: a family's routes each have their own request types
export function lambdaRoutes(routes: readonly ApiRoute<any, any, any>[]) {
  const handlers = new Map(routes.map((route) => [`${route.method} ${route.path}`, lambdaRoute(route)]));
  return (event: { routeKey?: string }, context: unknown) => {
    const handler = handlers.get(event.routeKey ?? '');
    if (!handler) throw new Error(`No route ${event.routeKey} in this function`);
    return handler(event as never, context as never);
  };
}
