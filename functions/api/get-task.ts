import { getTask } from '#shared/domain/tasks.ts';
import { route } from '../shared/http.ts';
import { IdPath } from './params.ts';

/** GET /tasks/{id}: one task. */
export const handler = route({ path: IdPath }, ({ deps, caller, path }) => getTask(deps, caller, path.id));
