import { ExtendTaskBody, extendTask } from '#shared/domain/tasks.ts';
import { route } from '../shared/http.ts';
import { IdPath } from './params.ts';

/** POST /tasks/{id}/extend: a coordinator moves a deadline. */
export const handler = route({ path: IdPath, body: ExtendTaskBody }, ({ deps, caller, path, body }) =>
  extendTask(deps, caller, path.id, body),
);
