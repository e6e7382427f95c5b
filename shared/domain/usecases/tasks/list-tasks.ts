import { InvalidInputError } from '../../errors.ts';
import { type Caller, canSeeTenant } from '../../model/caller.ts';
import type { Role } from '../../model/roles.ts';
import type { Task } from '../../model/task.ts';
import type { Page, Ports } from '../../ports.ts';

/** Which inbox to list, and how. */
export interface ListTasksQuery {
  assignee?: Role | undefined;
  municipalityId?: string | undefined;
  country?: string | undefined;
  overdue?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** A task inbox: open tasks of a role, earliest due first (optionally only the overdue ones). */
export async function listTasks(
  deps: Pick<Ports, 'tasks' | 'municipalities' | 'clock'>,
  caller: Caller,
  query: ListTasksQuery,
): Promise<Page<Task>> {
  const options = {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
    ...(query.overdue ? { dueBefore: deps.clock.now().toISOString() } : {}),
  };
  if (caller.role === 'coordinator') {
    const assignee = query.assignee ?? 'coordinator';
    if (assignee === 'coordinator') {
      const countries = query.country ? [query.country] : caller.countries;
      if (countries.some((country) => !caller.countries.includes(country))) return { items: [] };
      const pages = await Promise.all(
        countries.map((country) => deps.tasks.listOpen({ role: 'coordinator', country }, options)),
      );
      return { items: pages.flatMap((one) => one.items).slice(0, query.limit) };
    }
    if (!query.municipalityId) {
      throw new InvalidInputError('Name the municipality whose tasks to list', [
        {
          path: 'municipalityId',
          message: 'required when listing municipality or CAG tasks as a coordinator',
        },
      ]);
    }
    const municipality = await deps.municipalities.get(query.municipalityId);
    if (!municipality || !canSeeTenant(caller, municipality)) return { items: [] };
    return deps.tasks.listOpen({ role: assignee, municipalityId: query.municipalityId }, options);
  }
  if (query.municipalityId && query.municipalityId !== caller.municipalityId) return { items: [] };
  const assignee = query.assignee ?? caller.role;
  if (assignee === 'coordinator') return { items: [] };
  return deps.tasks.listOpen({ role: assignee, municipalityId: caller.municipalityId }, options);
}
