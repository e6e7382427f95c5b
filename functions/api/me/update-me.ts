import { UpdateMeBody, updateMe } from '#shared/domain/usecases/people/update-me.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';

/** PATCH /me: name, language, time zone, notification channels and quiet hours; answered as GET /me. */
export const route = defineRoute({
  name: 'update-me',
  source: import.meta.url,
  method: 'PATCH',
  path: '/me',
  summary: 'Change your name, language, time zone or notification preferences',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'readWrite' },
  request: { body: UpdateMeBody },
  run: (ports, { caller, body }) => updateMe(ports, caller, body),
});
export const handler = lambdaRoute(route);
