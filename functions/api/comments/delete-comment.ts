import { deleteComment } from '#shared/domain/usecases/comments/delete-comment.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';
import { CommentPath } from '../params.ts';

/** DELETE /tasks/{id}/comments/{commentId}: remove a comment (its author, or a coordinator). */
export const route = defineRoute({
  name: 'delete-comment',
  source: import.meta.url,
  family: { name: 'evidence', source: new URL('../evidence.ts', import.meta.url).href },
  method: 'DELETE',
  path: '/tasks/{id}/comments/{commentId}',
  summary: 'Remove a comment (its author or a coordinator); the audit keeps who removed it',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'readWrite' },
  request: { path: CommentPath },
  run: (ports, { caller, path }) => deleteComment(ports, caller, path.id, path.commentId),
});
export const handler = lambdaRoute(route);
