import { ListCyclesQuery, listCycles } from '#shared/domain/cycles.ts';
import { route } from '../shared/http.ts';

/** GET /cycles?municipalityId=&country=&status=: the cycles the caller may see. */
export const handler = route({ query: ListCyclesQuery }, ({ deps, caller, query }) =>
  listCycles(deps, caller, query),
);
