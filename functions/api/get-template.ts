import { getTemplate } from '#shared/domain/usecases/templates/get-template.ts';
import { defineRoute } from '../shared/api-route.ts';
import { lambdaRoute } from '../shared/lambda.ts';
import { TemplateLocaleQuery } from './list-templates.ts';
import { TemplatePath } from './params.ts';

/** GET /templates/{id}?locale=: a template's phases and tasks, and the JSON Schema of each task output. */
export const route = defineRoute({
  name: 'get-template',
  source: import.meta.url,
  method: 'GET',
  path: '/templates/{id}',
  summary: 'A template in a language: its phases and tasks, and the JSON Schema of each task output',
  roles: ['coordinator', 'municipality', 'cag'],
  access: {},
  request: { path: TemplatePath, query: TemplateLocaleQuery },
  run: async (ports, { path, query }) => getTemplate(ports, path.id, query.locale),
});
export const handler = lambdaRoute(route);
