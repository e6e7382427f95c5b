import { PutMunicipalityBody, putMunicipality } from '#shared/domain/municipalities.ts';
import { route } from '../shared/http.ts';
import { IdPath } from './params.ts';

/** PUT /municipalities/{id}: a coordinator creates or replaces a municipality and its contacts. */
export const handler = route({ path: IdPath, body: PutMunicipalityBody }, ({ deps, caller, path, body }) =>
  putMunicipality(deps, caller, path.id, body),
);
