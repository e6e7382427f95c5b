import { listMembers } from '#shared/domain/usecases/people/list-members.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';
import { MunicipalityPath } from '../params.ts';

/** GET /municipalities/{id}/members: the staff and CAG members of a municipality. */
export const route = defineRoute({
  name: 'list-members',
  source: import.meta.url,
  method: 'GET',
  path: '/municipalities/{id}/members',
  summary: 'The staff and CAG members of a municipality',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'read' },
  request: { path: MunicipalityPath },
  run: (ports, { caller, path }) => listMembers(ports, caller, path.id),
});
export const handler = lambdaRoute(route);
