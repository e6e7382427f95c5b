import { CreateUserBody, createUser } from '#shared/domain/usecases/people/create-user.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';

/** POST /users: a coordinator adds a person with a membership (how the first coordinator is made). */
export const route = defineRoute({
  name: 'create-user',
  source: import.meta.url,
  method: 'POST',
  path: '/users',
  summary: 'Add a person with a membership',
  roles: ['coordinator'],
  access: { table: 'readWrite', directory: 'manage' },
  request: { body: CreateUserBody },
  status: 201,
  run: async (ports, { caller, body }) => {
    const { user, membership } = await createUser(ports, caller, body);
    const { calendarToken: _secret, ...profile } = user;
    return { user: profile, membership };
  },
});
export const handler = lambdaRoute(route);
