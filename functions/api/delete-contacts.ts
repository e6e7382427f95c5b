import { deleteContacts } from '#shared/domain/municipalities.ts';
import { route } from '../shared/http.ts';
import { IdPath } from './params.ts';

/** DELETE /municipalities/{id}/contacts: erase a municipality's personal contact data. */
export const handler = route({ path: IdPath }, ({ deps, caller, path }) =>
  deleteContacts(deps, caller, path.id),
);
