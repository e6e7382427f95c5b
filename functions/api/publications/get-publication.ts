import { getPublication } from '#shared/domain/usecases/publications/get-publication.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';
import { MunicipalityPath } from '../params.ts';

/** GET /municipalities/{id}/publication: whether the public page is published, and who consented. */
export const route = defineRoute({
  name: 'get-publication',
  source: import.meta.url,
  family: { name: 'evidence', source: new URL('../evidence.ts', import.meta.url).href },
  method: 'GET',
  path: '/municipalities/{id}/publication',
  summary: 'Whether the municipality’s public page is published, and each side’s consent',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'read' },
  request: { path: MunicipalityPath },
  run: (ports, { caller, path }) => getPublication(ports, caller, path.id),
});
export const handler = lambdaRoute(route);
