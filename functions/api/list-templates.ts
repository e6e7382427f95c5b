import * as z from 'zod';
import { LocaleCode } from '#shared/domain/model/roles.ts';
import { listTemplates } from '#shared/domain/usecases/templates/list-templates.ts';
import { defineRoute } from '../shared/api-route.ts';
import { lambdaRoute } from '../shared/lambda.ts';

/** Query of `GET /templates` and `GET /templates/{id}`: the language of the titles (English by default). */
export const TemplateLocaleQuery = z.strictObject({ locale: LocaleCode.default('en') });

/** GET /templates?locale=: the templates cycles may be started of. */
export const route = defineRoute({
  name: 'list-templates',
  source: import.meta.url,
  method: 'GET',
  path: '/templates',
  summary: 'The templates cycles may be started of, titled in a language',
  roles: ['coordinator', 'municipality', 'cag'],
  // Templates are code, not data: the function touches no table.
  access: {},
  request: { query: TemplateLocaleQuery },
  run: async (ports, { query }) => listTemplates(ports, query.locale),
});
export const handler = lambdaRoute(route);
