import * as z from 'zod';
import { removeMember } from '#shared/domain/usecases/people/remove-member.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';
import { MunicipalityPath } from '../params.ts';

/** DELETE /municipalities/{id}/members/{membershipId}: the membership ends at the member's next request. */
export const route = defineRoute({
  name: 'remove-member',
  source: import.meta.url,
  method: 'DELETE',
  path: '/municipalities/{id}/members/{membershipId}',
  summary: 'Remove a member of a municipality',
  roles: ['coordinator', 'municipality'],
  access: { table: 'readWrite', directory: 'manage' },
  request: { path: MunicipalityPath.extend({ membershipId: z.string().regex(/^mbr-[0-9a-f]{20}$/) }) },
  run: async (ports, { caller, path }) => {
    await removeMember(ports, caller, path.id, path.membershipId);
    return undefined;
  },
});
export const handler = lambdaRoute(route);
