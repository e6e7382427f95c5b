import { calendarFeed } from '#shared/domain/calendar.ts';
import { RawBody, route } from '../shared/http.ts';
import { IdPath } from './params.ts';

/** GET /municipalities/{id}/calendar.ics: the open task deadlines as an iCalendar feed. */
export const handler = route(
  { path: IdPath },
  async ({ deps, caller, path }) =>
    new RawBody(await calendarFeed(deps, caller, path.id), 'text/calendar; charset=utf-8'),
);
