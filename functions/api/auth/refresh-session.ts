import { RefreshBody, refreshSession } from '#shared/domain/usecases/auth/refresh-session.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { refreshTokenOf, signedInResult } from './cookies.ts';

/** POST /auth/refresh: a new access token (and the next refresh token); optionally another membership. */
export const route = defineRoute({
  name: 'auth-refresh',
  source: import.meta.url,
  method: 'POST',
  path: '/auth/refresh',
  summary: 'Trade the refresh token for a new access token, or switch the active membership',
  roles: ['coordinator', 'municipality', 'cag'],
  auth: 'none',
  localOnly: true,
  access: { table: 'readWrite' },
  request: { body: RefreshBody },
  run: async (ports, { body, http }) =>
    signedInResult(
      await refreshSession(ports, refreshTokenOf(http, body.refreshToken), body.membershipId),
      http,
    ),
});
