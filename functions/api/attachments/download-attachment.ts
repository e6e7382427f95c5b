import { downloadAttachment } from '#shared/domain/usecases/attachments/download-attachment.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';
import { AttachmentPath } from '../params.ts';
import { attachmentView } from '../views.ts';

/** GET /tasks/{id}/attachments/{attachmentId}: a file, and a short-lived URL that downloads it. */
export const route = defineRoute({
  name: 'download-attachment',
  source: import.meta.url,
  family: { name: 'evidence', source: new URL('../evidence.ts', import.meta.url).href },
  method: 'GET',
  path: '/tasks/{id}/attachments/{attachmentId}',
  summary: 'A file of a task, with a presigned download URL',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'read', files: 'read' },
  request: { path: AttachmentPath },
  run: async (ports, { caller, path }) => {
    const { attachment, download } = await downloadAttachment(ports, caller, path.id, path.attachmentId);
    return { attachment: attachmentView(attachment), download };
  },
});
export const handler = lambdaRoute(route);
