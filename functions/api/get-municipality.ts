import { getMunicipality } from '#shared/domain/usecases/municipalities/get-municipality.ts';
import { defineRoute } from '../shared/api-route.ts';
import { lambdaRoute } from '../shared/lambda.ts';
import { MunicipalityPath } from './params.ts';

/** GET /municipalities/{id}: a municipality with its contacts. */
export const route = defineRoute({
  name: 'get-municipality',
  source: import.meta.url,
  method: 'GET',
  path: '/municipalities/{id}',
  summary: 'A municipality with its contacts',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'read' },
  request: { path: MunicipalityPath },
  run: (ports, { caller, path }) => getMunicipality(ports, caller, path.id),
});
export const handler = lambdaRoute(route);
