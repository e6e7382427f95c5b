import { completeTask } from '#shared/domain/tasks.ts';
import { route } from '../shared/http.ts';
import { IdPath } from './params.ts';

/** POST /tasks/{id}/complete: the body is validated against the task's output schema by the domain. */
export const handler = route({ path: IdPath, rawBody: true }, ({ deps, caller, path, body }) =>
  completeTask(deps, caller, path.id, body),
);
