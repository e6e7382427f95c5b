import { listAttachments } from '#shared/domain/usecases/attachments/list-attachments.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';
import { TaskPath } from '../params.ts';
import { attachmentView } from '../views.ts';

/** GET /tasks/{id}/attachments: a task's files. */
export const route = defineRoute({
  name: 'list-attachments',
  source: import.meta.url,
  family: { name: 'evidence', source: new URL('../evidence.ts', import.meta.url).href },
  method: 'GET',
  path: '/tasks/{id}/attachments',
  summary: "A task's files (stored, and uploads in progress)",
  roles: ['coordinator', 'municipality', 'cag'],
  // Settling an expired upload writes its status and reads its first bytes.
  access: { table: 'readWrite', files: 'readWrite' },
  request: { path: TaskPath },
  run: async (ports, { caller, path }) => ({
    items: (await listAttachments(ports, caller, path.id)).map(attachmentView),
  }),
});
export const handler = lambdaRoute(route);
