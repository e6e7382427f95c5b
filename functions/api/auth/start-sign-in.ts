import { StartSignInBody, startSignIn } from '#shared/domain/usecases/auth/start-sign-in.ts';
import { defineRoute, HttpResult } from '../../shared/api-route.ts';

/** POST /auth/start: a sign-in code by email or SMS (local sign-in; Cognito's on AWS). */
export const route = defineRoute({
  name: 'auth-start',
  source: import.meta.url,
  method: 'POST',
  path: '/auth/start',
  summary: 'Send a sign-in code to an email address or a phone',
  roles: ['coordinator', 'municipality', 'cag'],
  auth: 'none',
  localOnly: true,
  access: { table: 'readWrite', notify: 'messages' },
  request: { body: StartSignInBody },
  run: async (ports, { body, http }) =>
    new HttpResult(await startSignIn(ports, body, http.sourceIp), { status: 202 }),
});
