import { type Caller, canSeeTenant } from '../../model/caller.ts';
import type { Role } from '../../model/roles.ts';
import type { Task } from '../../model/task.ts';
import type { Page, Ports } from '../../ports.ts';

/** Which open tasks to list, and how. */
export interface ListTasksQuery {
  /** `inbox` (default): the caller's own tasks; `portfolio` (coordinators): every municipality's they oversee. */
  scope?: 'inbox' | 'portfolio' | undefined;
  assignee?: Role | undefined;
  municipalityId?: string | undefined;
  country?: string | undefined;
  phase?: string | undefined;
  overdue?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

/**
 * Open tasks, earliest due first (optionally only the overdue ones). Municipal staff and CAG members see their
 * own inbox. A coordinator sees their own tasks, or — naming another assignee or a municipality, or asking for
 * the portfolio — the open and overdue tasks across every municipality of their countries, page by page.
 */
export async function listTasks(
  deps: Pick<Ports, 'tasks' | 'municipalities' | 'clock'>,
  caller: Caller,
  query: ListTasksQuery,
): Promise<Page<Task>> {
  const paging = {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
    ...(query.overdue ? { dueBefore: deps.clock.now().toISOString() } : {}),
  };
  if (caller.role !== 'coordinator') {
    if (query.municipalityId && query.municipalityId !== caller.municipalityId) return { items: [] };
    const assignee = query.assignee ?? caller.role;
    if (assignee === 'coordinator') return { items: [] };
    const page = await deps.tasks.listOpen({ role: assignee, municipalityId: caller.municipalityId }, paging);
    return query.phase ? { ...page, items: page.items.filter((task) => task.phase === query.phase) } : page;
  }
  const countries = query.country ? [query.country] : caller.countries;
  if (countries.some((country) => !caller.countries.includes(country))) return { items: [] };
  if (query.municipalityId) {
    const municipality = await deps.municipalities.get(query.municipalityId);
    if (!municipality || !canSeeTenant(caller, municipality)) return { items: [] };
  }
  const portfolio =
    query.scope === 'portfolio' ||
    query.municipalityId !== undefined ||
    (query.assignee ?? 'coordinator') !== 'coordinator';
  const assignee = portfolio ? query.assignee : 'coordinator';
  return deps.tasks.listOpenInCountries(countries, {
    ...paging,
    ...(query.municipalityId ? { municipalityId: query.municipalityId } : {}),
    ...(assignee ? { assignee } : {}),
    ...(query.phase ? { phase: query.phase } : {}),
  });
}
