import {
  PutMunicipalityBody,
  putMunicipality,
} from '#shared/domain/usecases/municipalities/put-municipality.ts';
import { defineRoute } from '../shared/api-route.ts';
import { lambdaRoute } from '../shared/lambda.ts';
import { MunicipalityPath } from './params.ts';

/** PUT /municipalities/{id}: a coordinator creates or replaces a municipality and its contacts. */
export const route = defineRoute({
  name: 'put-municipality',
  source: import.meta.url,
  method: 'PUT',
  path: '/municipalities/{id}',
  summary: 'Create or replace a municipality',
  roles: ['coordinator'],
  access: { table: 'readWrite', directory: 'manage' },
  request: { path: MunicipalityPath, body: PutMunicipalityBody },
  run: (ports, { caller, path, body }) => putMunicipality(ports, caller, path.id, body),
});
export const handler = lambdaRoute(route);
