import { ObjectBody, objectToEntry } from '#shared/domain/usecases/tasks/object-to-entry.ts';
import { defineRoute } from '../shared/api-route.ts';
import { lambdaRoute } from '../shared/lambda.ts';
import { TaskPath } from './params.ts';
import { namedTaskView } from './views.ts';

/** POST /tasks/{id}/object: a CAG member named in an entry made on their behalf objects to it. */
export const route = defineRoute({
  name: 'object-to-entry',
  source: import.meta.url,
  method: 'POST',
  path: '/tasks/{id}/object',
  summary: 'Object to an entry made on your behalf: it is set aside and the task is open again',
  roles: ['cag'],
  access: { table: 'readWrite' },
  request: { path: TaskPath, body: ObjectBody },
  run: async (ports, { caller, path, body }) =>
    namedTaskView(ports, await objectToEntry(ports, caller, path.id, body)),
});
export const handler = lambdaRoute(route);
