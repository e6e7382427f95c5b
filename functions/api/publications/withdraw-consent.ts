import { changeConsent } from '#shared/domain/usecases/publications/change-consent.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';
import { MunicipalityPath } from '../params.ts';

/** DELETE /municipalities/{id}/publication/consent: your side withdraws; the page is unpublished at once. */
export const route = defineRoute({
  name: 'withdraw-consent',
  source: import.meta.url,
  family: { name: 'evidence', source: new URL('../evidence.ts', import.meta.url).href },
  method: 'DELETE',
  path: '/municipalities/{id}/publication/consent',
  summary: 'Withdraw your side’s consent: the public page is unpublished at once',
  roles: ['municipality', 'cag'],
  access: { table: 'readWrite', notify: 'events' },
  request: { path: MunicipalityPath },
  run: (ports, { caller, path }) => changeConsent(ports, caller, path.id, { consent: false }),
});
export const handler = lambdaRoute(route);
