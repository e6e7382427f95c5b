import { VerifySignInBody, verifySignIn } from '#shared/domain/usecases/auth/verify-sign-in.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { signedInResult } from './cookies.ts';

/** POST /auth/verify: the code → a session (access token, and the refresh token in a cookie). */
export const route = defineRoute({
  name: 'auth-verify',
  source: import.meta.url,
  method: 'POST',
  path: '/auth/verify',
  summary: 'Sign in with the code: an access token, and the refresh token in an HttpOnly cookie',
  roles: ['coordinator', 'municipality', 'cag'],
  auth: 'none',
  localOnly: true,
  access: { table: 'readWrite' },
  request: { body: VerifySignInBody },
  run: async (ports, { body, http }) => signedInResult(await verifySignIn(ports, body), http),
});
