import { calendarUrl } from '#shared/domain/usecases/people/calendar-url.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';

/** POST /me/calendar/rotate: a new personal calendar URL; the old one stops working. */
export const route = defineRoute({
  name: 'rotate-calendar-url',
  source: import.meta.url,
  method: 'POST',
  path: '/me/calendar/rotate',
  summary: 'Replace your personal calendar URL (the old one stops working)',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'readWrite' },
  request: {},
  run: (ports, { caller }) => calendarUrl(ports, caller, { rotate: true }),
});
export const handler = lambdaRoute(route);
