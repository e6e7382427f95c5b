import { listComments } from '#shared/domain/usecases/comments/list-comments.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';
import { TaskPath } from '../params.ts';

/** GET /tasks/{id}/comments: a task's thread, oldest first. */
export const route = defineRoute({
  name: 'list-comments',
  source: import.meta.url,
  family: { name: 'evidence', source: new URL('../evidence.ts', import.meta.url).href },
  method: 'GET',
  path: '/tasks/{id}/comments',
  summary: "A task's comment thread, oldest first",
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'read' },
  request: { path: TaskPath },
  run: async (ports, { caller, path }) => ({ items: await listComments(ports, caller, path.id) }),
});
export const handler = lambdaRoute(route);
