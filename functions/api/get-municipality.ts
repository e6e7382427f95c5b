import { getMunicipality } from '#shared/domain/municipalities.ts';
import { route } from '../shared/http.ts';
import { IdPath } from './params.ts';

/** GET /municipalities/{id}: a municipality with its contacts. */
export const handler = route({ path: IdPath }, ({ deps, caller, path }) =>
  getMunicipality(deps, caller, path.id),
);
