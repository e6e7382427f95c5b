import {
  PutMunicipalityBody,
  putMunicipality,
} from '#shared/domain/usecases/municipalities/put-municipality.ts';
import { defineRoute } from '../shared/api-route.ts';
import { lambdaRoute } from '../shared/lambda.ts';
import { IdPath } from './params.ts';

/** PUT /municipalities/{id}: a coordinator creates or replaces a municipality and its contacts. */
export const route = defineRoute({
  name: 'put-municipality',
  method: 'PUT',
  path: '/municipalities/{id}',
  summary: 'Create or replace a municipality',
  roles: ['coordinator'],
  access: { table: 'readWrite' },
  request: { path: IdPath, body: PutMunicipalityBody },
  run: (ports, { caller, path, body }) => putMunicipality(ports, caller, path.id, body),
});
export const handler = lambdaRoute(route);
