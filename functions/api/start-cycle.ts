import { StartCycleBody, startCycle } from '#shared/domain/cycles.ts';
import { route } from '../shared/http.ts';

/** POST /cycles: a coordinator starts a cycle for a municipality (idempotent with `clientToken`). */
export const handler = route({ body: StartCycleBody, status: 201 }, ({ deps, caller, body }) =>
  startCycle(deps, caller, body),
);
