import { icalendar } from '../../calendar/ical.ts';
import { NotFoundError } from '../../errors.ts';
import { type Caller, canSeeTenant } from '../../model/caller.ts';
import type { Task } from '../../model/task.ts';
import type { Ports } from '../../ports.ts';

/** The feed of a municipality's open deadlines (municipality and CAG tasks), for those who work with it. */
export async function calendarFeed(
  deps: Pick<Ports, 'municipalities' | 'tasks' | 'templates' | 'clock'>,
  caller: Caller,
  municipalityId: string,
): Promise<string> {
  const municipality = await deps.municipalities.get(municipalityId);
  if (!municipality || !canSeeTenant(caller, municipality))
    throw new NotFoundError(`No municipality ${municipalityId}`);
  const tasks: Task[] = [];
  for (const role of ['municipality', 'cag'] as const) {
    let cursor: string | undefined;
    do {
      const page = await deps.tasks.listOpen(
        { role, municipalityId },
        {
          limit: 100,
          ...(cursor ? { cursor } : {}),
        },
      );
      tasks.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
  }
  return icalendar(
    deps,
    municipality.name,
    municipality.timeZone,
    tasks.map((task) => ({ task, municipality })),
  );
}
