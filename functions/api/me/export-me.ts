import { exportMe } from '#shared/domain/usecases/people/export-me.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';

/** GET /me/export: everything held about you, as JSON. */
export const route = defineRoute({
  name: 'export-me',
  source: import.meta.url,
  method: 'GET',
  path: '/me/export',
  summary: 'Everything held about you, as JSON',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'read' },
  request: {},
  run: (ports, { caller }) => exportMe(ports, caller),
});
export const handler = lambdaRoute(route);
