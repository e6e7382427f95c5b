import { getMe } from '#shared/domain/usecases/people/get-me.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';

/** GET /me: the signed-in person, their memberships and the one they act in. */
export const route = defineRoute({
  name: 'get-me',
  source: import.meta.url,
  method: 'GET',
  path: '/me',
  summary: 'The signed-in person: profile, channels, preferences, memberships',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'read' },
  request: {},
  run: (ports, { caller }) => getMe(ports, caller),
});
export const handler = lambdaRoute(route);
