import { eraseUser } from '#shared/domain/usecases/people/erase-user.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';
import { UserPath } from '../params.ts';

/** DELETE /users/{id}: erase a person (themselves, or by their coordinator). */
export const route = defineRoute({
  name: 'erase-user',
  source: import.meta.url,
  method: 'DELETE',
  path: '/users/{id}',
  summary: 'Erase a person: their contact data and name go; the audit keeps a pseudonym',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'readWrite', notify: 'messages', directory: 'manage' },
  request: { path: UserPath },
  run: (ports, { caller, path }) => eraseUser(ports, caller, path.id),
});
export const handler = lambdaRoute(route);
