import { CancelCycleBody, cancelCycle } from '#shared/domain/cycles.ts';
import { route } from '../shared/http.ts';
import { IdPath } from './params.ts';

/** POST /cycles/{id}/cancel: a coordinator stops a running or stalled cycle. */
export const handler = route({ path: IdPath, body: CancelCycleBody }, ({ deps, caller, path, body }) =>
  cancelCycle(deps, caller, path.id, body),
);
