import { confirmUpload } from '#shared/domain/usecases/attachments/confirm-upload.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';
import { AttachmentPath } from '../params.ts';
import { attachmentView } from '../views.ts';

/** POST /tasks/{id}/attachments/{attachmentId}/confirm: the bytes are sent; check and keep them. */
export const route = defineRoute({
  name: 'confirm-upload',
  source: import.meta.url,
  family: { name: 'evidence', source: new URL('../evidence.ts', import.meta.url).href },
  method: 'POST',
  path: '/tasks/{id}/attachments/{attachmentId}/confirm',
  summary: 'Confirm an upload: its size and type (by content) are checked, and the file kept or refused',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'readWrite', files: 'readWrite' },
  request: { path: AttachmentPath },
  run: async (ports, { caller, path }) =>
    attachmentView(await confirmUpload(ports, caller, path.id, path.attachmentId)),
});
export const handler = lambdaRoute(route);
