import { CancelCycleBody, cancelCycle } from '#shared/domain/usecases/cycles/cancel-cycle.ts';
import { defineRoute } from '../shared/api-route.ts';
import { lambdaRoute } from '../shared/lambda.ts';
import { CyclePath } from './params.ts';

/** POST /cycles/{id}/cancel: a coordinator stops a running or stalled cycle. */
export const route = defineRoute({
  name: 'cancel-cycle',
  source: import.meta.url,
  method: 'POST',
  path: '/cycles/{id}/cancel',
  summary: 'Cancel a running or stalled cycle',
  roles: ['coordinator'],
  access: { table: 'readWrite', workflow: ['stop'], notify: 'messages' },
  request: { path: CyclePath, body: CancelCycleBody },
  run: (ports, { caller, path, body }) => cancelCycle(ports, caller, path.id, body),
});
export const handler = lambdaRoute(route);
