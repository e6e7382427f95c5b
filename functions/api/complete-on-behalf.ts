import { CompleteOnBehalfBody, completeOnBehalf } from '#shared/domain/usecases/tasks/complete-on-behalf.ts';
import { defineRoute } from '../shared/api-route.ts';
import { lambdaRoute } from '../shared/lambda.ts';
import { TaskPath } from './params.ts';
import { namedTaskView } from './views.ts';

/** POST /tasks/{id}/complete-on-behalf: staff or a coordinator records a CAG task for the members present. */
export const route = defineRoute({
  name: 'complete-on-behalf',
  source: import.meta.url,
  method: 'POST',
  path: '/tasks/{id}/complete-on-behalf',
  summary:
    'Record a CAG task on behalf of the CAG members who were present (assisted entry), with their consent',
  roles: ['coordinator', 'municipality'],
  access: { table: 'readWrite', workflow: ['taskToken'], notify: 'messages' },
  request: { path: TaskPath, body: CompleteOnBehalfBody },
  status: 202,
  run: async (ports, { caller, path, body }) =>
    namedTaskView(ports, await completeOnBehalf(ports, caller, path.id, body)),
});
export const handler = lambdaRoute(route);
