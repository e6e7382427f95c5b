import { calendarUrl } from '#shared/domain/usecases/people/calendar-url.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';

/** GET /me/calendar: the personal calendar URL (made on first use). */
export const route = defineRoute({
  name: 'get-calendar-url',
  source: import.meta.url,
  method: 'GET',
  path: '/me/calendar',
  summary: 'Your personal calendar URL, to subscribe to in a calendar app',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'readWrite' },
  request: {},
  run: (ports, { caller }) => calendarUrl(ports, caller, { rotate: false }),
});
export const handler = lambdaRoute(route);
