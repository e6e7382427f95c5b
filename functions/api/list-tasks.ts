import * as z from 'zod';
import { MunicipalityId } from '#shared/domain/model/ids.ts';
import { Role } from '#shared/domain/model/roles.ts';
import { Key } from '#shared/domain/model/template-parts.ts';
import { listTasks } from '#shared/domain/usecases/tasks/list-tasks.ts';
import { defineRoute } from '../shared/api-route.ts';
import { lambdaRoute } from '../shared/lambda.ts';
import { CountryQuery, Paging } from './params.ts';
import { taskViews } from './views.ts';

/** Query of `GET /tasks`. */
export const ListTasksQuery = z.strictObject({
  /** `inbox` (default): the caller's own tasks; `portfolio` (coordinators): every municipality they oversee. */
  scope: z.enum(['inbox', 'portfolio']).optional(),
  assignee: Role.optional(),
  phase: Key.optional(),
  municipalityId: MunicipalityId.optional(),
  country: CountryQuery,
  status: z.literal('OPEN').default('OPEN'),
  overdue: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  ...Paging,
});

/** GET /tasks?scope=&assignee=&phase=&status=&overdue=: a task inbox or a coordinator's portfolio, earliest due first. */
export const route = defineRoute({
  name: 'list-tasks',
  source: import.meta.url,
  method: 'GET',
  path: '/tasks',
  summary: 'A task inbox: open tasks, earliest due first',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'read' },
  request: { query: ListTasksQuery },
  run: async (ports, { caller, query }) => {
    const page = await listTasks(ports, caller, query);
    return { ...page, items: await taskViews(ports, page.items) };
  },
});
export const handler = lambdaRoute(route);
