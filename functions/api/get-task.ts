import { getTask } from '#shared/domain/usecases/tasks/get-task.ts';
import { defineRoute } from '../shared/api-route.ts';
import { lambdaRoute } from '../shared/lambda.ts';
import { TaskPath } from './params.ts';
import { namedTaskView } from './views.ts';

/** GET /tasks/{id}: one task. */
export const route = defineRoute({
  name: 'get-task',
  source: import.meta.url,
  method: 'GET',
  path: '/tasks/{id}',
  summary: 'One task',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'read' },
  request: { path: TaskPath },
  run: async (ports, { caller, path }) => namedTaskView(ports, await getTask(ports, caller, path.id)),
});
export const handler = lambdaRoute(route);
