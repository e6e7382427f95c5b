import { ListTasksQuery, listTasks } from '#shared/domain/tasks.ts';
import { route } from '../shared/http.ts';

/** GET /tasks?assignee=&status=&overdue=: a task inbox, earliest due first. */
export const handler = route({ query: ListTasksQuery }, ({ deps, caller, query }) =>
  listTasks(deps, caller, query),
);
