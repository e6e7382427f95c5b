import * as z from 'zod';
import { resolveLink } from '#shared/domain/usecases/tasks/resolve-link.ts';
import { defineRoute } from '../shared/api-route.ts';
import { lambdaRoute } from '../shared/lambda.ts';

/** GET /links/{code}: the task a short link in an SMS opens. */
export const route = defineRoute({
  name: 'resolve-link',
  source: import.meta.url,
  method: 'GET',
  path: '/links/{code}',
  summary: 'The task a short link (in an SMS) points at',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'read' },
  request: { path: z.object({ code: z.string().regex(/^[A-Za-z0-9_-]{10}$/) }) },
  run: (ports, { caller, path }) => resolveLink(ports, caller, path.code),
});
export const handler = lambdaRoute(route);
