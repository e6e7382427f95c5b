import { ConsentRequest, changeConsent } from '#shared/domain/usecases/publications/change-consent.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';
import { MunicipalityPath } from '../params.ts';

/** PUT /municipalities/{id}/publication/consent: your side (municipality or CAG) consents to the public page. */
export const route = defineRoute({
  name: 'give-consent',
  source: import.meta.url,
  family: { name: 'evidence', source: new URL('../evidence.ts', import.meta.url).href },
  method: 'PUT',
  path: '/municipalities/{id}/publication/consent',
  summary: 'Consent, for your side, to publishing the public page (published once both sides consent)',
  roles: ['municipality', 'cag'],
  access: { table: 'readWrite', notify: 'events' },
  request: { path: MunicipalityPath, body: ConsentRequest },
  run: (ports, { caller, path, body }) => changeConsent(ports, caller, path.id, { consent: true, body }),
});
export const handler = lambdaRoute(route);
