import * as z from 'zod';
import { personalCalendar } from '#shared/domain/usecases/people/personal-calendar.ts';
import { defineRoute, RawBody } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';

/** GET /calendar/{token}.ics: a person's deadlines; the secret token in the URL is the only credential. */
export const route = defineRoute({
  name: 'personal-calendar',
  source: import.meta.url,
  method: 'GET',
  path: '/calendar/{token}.ics',
  summary: 'A person’s deadlines as an iCalendar feed, for calendar apps (the URL is the credential)',
  roles: ['coordinator', 'municipality', 'cag'],
  auth: 'none',
  access: { table: 'read' },
  request: { path: z.object({ token: z.string().min(1).max(100) }) },
  run: async (ports, { path }) =>
    new RawBody(await personalCalendar(ports, path.token), 'text/calendar; charset=utf-8'),
});
export const handler = lambdaRoute(route);
