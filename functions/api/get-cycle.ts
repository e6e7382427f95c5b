import { getCycle } from '#shared/domain/cycles.ts';
import { route } from '../shared/http.ts';
import { IdPath } from './params.ts';

/** GET /cycles/{id}: the cycle with its phases, tasks and audit trail. */
export const handler = route({ path: IdPath }, ({ deps, caller, path }) => getCycle(deps, caller, path.id));
