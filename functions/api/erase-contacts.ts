import { eraseContacts } from '#shared/domain/usecases/municipalities/erase-contacts.ts';
import { defineRoute } from '../shared/api-route.ts';
import { lambdaRoute } from '../shared/lambda.ts';
import { MunicipalityPath } from './params.ts';

/** DELETE /municipalities/{id}/contacts: erase a municipality's personal contact data. */
export const route = defineRoute({
  name: 'erase-contacts',
  source: import.meta.url,
  method: 'DELETE',
  path: '/municipalities/{id}/contacts',
  summary: 'Erase a municipality’s contacts (personal data)',
  roles: ['coordinator', 'municipality'],
  access: { table: 'readWrite', notify: 'messages' },
  request: { path: MunicipalityPath },
  run: (ports, { caller, path }) => eraseContacts(ports, caller, path.id),
});
export const handler = lambdaRoute(route);
