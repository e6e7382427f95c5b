import { completeTask } from '#shared/domain/usecases/tasks/complete-task.ts';
import { defineRoute } from '../shared/api-route.ts';
import { lambdaRoute } from '../shared/lambda.ts';
import { TaskPath } from './params.ts';
import { namedTaskView } from './views.ts';

/** POST /tasks/{id}/complete: the body is validated against the task's output schema by the domain. */
export const route = defineRoute({
  name: 'complete-task',
  source: import.meta.url,
  method: 'POST',
  path: '/tasks/{id}/complete',
  summary: 'Complete a task with its output',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'readWrite', workflow: ['taskToken'], notify: 'messages' },
  request: { path: TaskPath, body: { raw: "The task's output, valid against the task's output schema" } },
  run: async (ports, { caller, path, body }) =>
    namedTaskView(ports, await completeTask(ports, caller, path.id, body)),
});
export const handler = lambdaRoute(route);
