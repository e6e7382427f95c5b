import { InviteBody, inviteMember } from '#shared/domain/usecases/people/invite-member.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';
import { MunicipalityPath } from '../params.ts';

/** POST /municipalities/{id}/invitations: invite a member by email or SMS. */
export const route = defineRoute({
  name: 'invite-member',
  source: import.meta.url,
  method: 'POST',
  path: '/municipalities/{id}/invitations',
  summary: 'Invite a member of a municipality (staff or CAG) by email or SMS',
  roles: ['coordinator', 'municipality'],
  access: { table: 'readWrite', notify: 'messages', directory: 'manage' },
  request: { path: MunicipalityPath, body: InviteBody },
  status: 201,
  run: (ports, { caller, path, body }) => inviteMember(ports, caller, path.id, body),
});
export const handler = lambdaRoute(route);
