import { ExtendTaskBody, extendTask } from '#shared/domain/usecases/tasks/extend-task.ts';
import { defineRoute } from '../shared/api-route.ts';
import { lambdaRoute } from '../shared/lambda.ts';
import { TaskPath } from './params.ts';
import { namedTaskView } from './views.ts';

/** POST /tasks/{id}/extend: a coordinator moves a deadline. */
export const route = defineRoute({
  name: 'extend-task',
  source: import.meta.url,
  method: 'POST',
  path: '/tasks/{id}/extend',
  summary: 'Move a task’s deadline',
  roles: ['coordinator'],
  access: { table: 'readWrite', workflow: ['taskToken'], notify: 'messages' },
  request: { path: TaskPath, body: ExtendTaskBody },
  run: async (ports, { caller, path, body }) =>
    namedTaskView(ports, await extendTask(ports, caller, path.id, body)),
});
export const handler = lambdaRoute(route);
