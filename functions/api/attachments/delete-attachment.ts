import { deleteAttachment } from '#shared/domain/usecases/attachments/delete-attachment.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';
import { AttachmentPath } from '../params.ts';
import { attachmentView } from '../views.ts';

/** DELETE /tasks/{id}/attachments/{attachmentId}: remove a file (its uploader, or a coordinator). */
export const route = defineRoute({
  name: 'delete-attachment',
  source: import.meta.url,
  family: { name: 'evidence', source: new URL('../evidence.ts', import.meta.url).href },
  method: 'DELETE',
  path: '/tasks/{id}/attachments/{attachmentId}',
  summary: 'Remove a file (its uploader or a coordinator); the audit keeps who removed what',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'readWrite', files: 'readWrite' },
  request: { path: AttachmentPath },
  run: async (ports, { caller, path }) =>
    attachmentView(await deleteAttachment(ports, caller, path.id, path.attachmentId)),
});
export const handler = lambdaRoute(route);
