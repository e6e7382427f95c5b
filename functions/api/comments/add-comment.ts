import { addComment, NewComment } from '#shared/domain/usecases/comments/add-comment.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';
import { TaskPath } from '../params.ts';

/** POST /tasks/{id}/comments: add to a task's thread; the people mentioned are told. */
export const route = defineRoute({
  name: 'add-comment',
  source: import.meta.url,
  family: { name: 'evidence', source: new URL('../evidence.ts', import.meta.url).href },
  method: 'POST',
  path: '/tasks/{id}/comments',
  summary: "Comment on a task's thread (mentions notify the people named)",
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'readWrite', notify: 'messages' },
  request: { path: TaskPath, body: NewComment },
  status: 201,
  run: (ports, { caller, path, body }) => addComment(ports, caller, path.id, body),
});
export const handler = lambdaRoute(route);
