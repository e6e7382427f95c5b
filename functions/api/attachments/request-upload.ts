import { requestUpload, UploadRequest } from '#shared/domain/usecases/attachments/request-upload.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';
import { TaskPath } from '../params.ts';
import { attachmentView } from '../views.ts';

/** POST /tasks/{id}/attachments: announce a file; the answer holds a short-lived URL to PUT its bytes to. */
export const route = defineRoute({
  name: 'request-upload',
  source: import.meta.url,
  family: { name: 'evidence', source: new URL('../evidence.ts', import.meta.url).href },
  method: 'POST',
  path: '/tasks/{id}/attachments',
  summary: 'Start uploading a file to a task (returns a presigned upload URL)',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'readWrite', files: 'readWrite' },
  request: { path: TaskPath, body: UploadRequest },
  status: 201,
  run: async (ports, { caller, path, body }) => {
    const { attachment, upload } = await requestUpload(ports, caller, path.id, body);
    return { attachment: attachmentView(attachment), upload };
  },
});
export const handler = lambdaRoute(route);
