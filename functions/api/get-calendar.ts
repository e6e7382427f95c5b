import { calendarFeed } from '#shared/domain/usecases/municipalities/calendar-feed.ts';
import { defineRoute, RawBody } from '../shared/api-route.ts';
import { lambdaRoute } from '../shared/lambda.ts';
import { MunicipalityPath } from './params.ts';

/** GET /municipalities/{id}/calendar.ics: the open task deadlines as an iCalendar feed. */
export const route = defineRoute({
  name: 'get-calendar',
  source: import.meta.url,
  method: 'GET',
  path: '/municipalities/{id}/calendar.ics',
  summary: 'The open deadlines as an iCalendar feed',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'read' },
  request: { path: MunicipalityPath },
  run: async (ports, { caller, path }) =>
    new RawBody(await calendarFeed(ports, caller, path.id), 'text/calendar; charset=utf-8'),
});
export const handler = lambdaRoute(route);
