import { getResults } from '#shared/domain/usecases/cycles/get-results.ts';
import { defineRoute } from '../shared/api-route.ts';
import { lambdaRoute } from '../shared/lambda.ts';
import { CyclePath } from './params.ts';

/** GET /cycles/{id}/results: the cycle's chain from need to measured result. */
export const route = defineRoute({
  name: 'get-cycle-results',
  source: import.meta.url,
  method: 'GET',
  path: '/cycles/{id}/results',
  summary:
    'A cycle’s results chain: needs, priorities, actions with indicators (baseline, target, actual per period), fiches, applications and awards, progress, meeting decisions; and what it carried over from the previous cycle',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'read' },
  request: { path: CyclePath },
  run: (ports, { caller, path }) => getResults(ports, caller, path.id),
});
export const handler = lambdaRoute(route);
