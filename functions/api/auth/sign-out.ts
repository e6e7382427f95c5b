import * as z from 'zod';
import { signOut } from '#shared/domain/usecases/auth/sign-out.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { refreshTokenOf, signedOutResult } from './cookies.ts';

/** POST /auth/logout: ends the session. */
export const route = defineRoute({
  name: 'auth-logout',
  source: import.meta.url,
  method: 'POST',
  path: '/auth/logout',
  summary: 'Sign out: the session ends and its cookie is cleared',
  roles: ['coordinator', 'municipality', 'cag'],
  auth: 'none',
  localOnly: true,
  access: { table: 'readWrite' },
  request: { body: z.strictObject({ refreshToken: z.string().max(300).optional() }) },
  run: async (ports, { body, http }) => {
    await signOut(ports, refreshTokenOf(http, body.refreshToken));
    return signedOutResult();
  },
});
