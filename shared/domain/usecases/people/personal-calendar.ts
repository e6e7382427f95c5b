import { icalendar } from '../../calendar/ical.ts';
import { NotFoundError } from '../../errors.ts';
import type { Municipality } from '../../model/municipality.ts';
import type { Task } from '../../model/task.ts';
import { calendarTokenHash } from '../../ops/people.ts';
import type { Ports } from '../../ports.ts';

/** Reads every page of a listing. */
async function all(list: (cursor?: string) => Promise<{ items: Task[]; nextCursor?: string }>) {
  const items: Task[] = [];
  let cursor: string | undefined;
  do {
    const page = await list(cursor);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/**
 * A person's calendar, found by the secret token in its URL: the open deadlines of their memberships — their
 * role's tasks in each municipality, and a coordinator's own tasks in their countries. An unknown or rotated
 * token is 404.
 */
export async function personalCalendar(
  deps: Pick<Ports, 'users' | 'tasks' | 'municipalities' | 'templates' | 'clock'>,
  token: string,
): Promise<string> {
  const user = /^[A-Za-z0-9_-]{20,64}$/.test(token)
    ? await deps.users.findByCalendarToken(calendarTokenHash(token))
    : undefined;
  if (!user || user.status !== 'ACTIVE' || user.calendarToken !== token)
    throw new NotFoundError('No such calendar');
  const tasks: Task[] = [];
  for (const membership of await deps.users.memberships(user.userId)) {
    if (membership.role === 'coordinator') {
      tasks.push(
        ...(await all((cursor) =>
          deps.tasks.listOpenInCountries(membership.countries, {
            limit: 100,
            assignee: 'coordinator',
            ...(cursor ? { cursor } : {}),
          }),
        )),
      );
    } else {
      const owner = { role: membership.role, municipalityId: membership.municipalityId };
      tasks.push(
        ...(await all((cursor) => deps.tasks.listOpen(owner, { limit: 100, ...(cursor ? { cursor } : {}) }))),
      );
    }
  }
  const municipalities = new Map<string, Municipality | undefined>();
  const events: { task: Task; municipality: Municipality }[] = [];
  for (const task of tasks) {
    if (!municipalities.has(task.municipalityId))
      municipalities.set(task.municipalityId, await deps.municipalities.get(task.municipalityId));
    const municipality = municipalities.get(task.municipalityId);
    if (municipality) events.push({ task, municipality: { ...municipality, locale: user.locale } });
  }
  return icalendar(deps, user.displayName, user.timeZone, events);
}
