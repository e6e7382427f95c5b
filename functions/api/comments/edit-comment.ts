import { CommentEdit, editComment } from '#shared/domain/usecases/comments/edit-comment.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';
import { CommentPath } from '../params.ts';

/** PUT /tasks/{id}/comments/{commentId}: change one's own comment (audited; new mentions are told). */
export const route = defineRoute({
  name: 'edit-comment',
  source: import.meta.url,
  family: { name: 'evidence', source: new URL('../evidence.ts', import.meta.url).href },
  method: 'PUT',
  path: '/tasks/{id}/comments/{commentId}',
  summary: 'Edit your comment (the edit is audited)',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'readWrite', notify: 'messages' },
  request: { path: CommentPath, body: CommentEdit },
  run: (ports, { caller, path, body }) => editComment(ports, caller, path.id, path.commentId, body),
});
export const handler = lambdaRoute(route);
