import { StartCycleBody, startCycle } from '#shared/domain/usecases/cycles/start-cycle.ts';
import { defineRoute } from '../shared/api-route.ts';
import { lambdaRoute } from '../shared/lambda.ts';

/** POST /cycles: a coordinator starts a cycle for a municipality (idempotent with `clientToken`). */
export const route = defineRoute({
  name: 'start-cycle',
  source: import.meta.url,
  method: 'POST',
  path: '/cycles',
  summary: 'Start a cycle for a municipality',
  roles: ['coordinator'],
  access: { table: 'readWrite', workflow: ['start'] },
  request: { body: StartCycleBody },
  status: 201,
  run: (ports, { caller, body }) => startCycle(ports, caller, body),
});
export const handler = lambdaRoute(route);
