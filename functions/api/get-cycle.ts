import { getCycle } from '#shared/domain/usecases/cycles/get-cycle.ts';
import { defineRoute } from '../shared/api-route.ts';
import { lambdaRoute } from '../shared/lambda.ts';
import { CyclePath } from './params.ts';
import { cycleView } from './views.ts';

/** GET /cycles/{id}: the cycle with its phases, tasks and audit trail. */
export const route = defineRoute({
  name: 'get-cycle',
  source: import.meta.url,
  method: 'GET',
  path: '/cycles/{id}',
  summary: 'A cycle with its phases, tasks and audit trail',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'read' },
  request: { path: CyclePath },
  run: async (ports, { caller, path }) => cycleView(ports, await getCycle(ports, caller, path.id)),
});
export const handler = lambdaRoute(route);
