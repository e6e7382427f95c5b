import { UnauthenticatedError } from '#shared/domain/errors.ts';
import { profileOf } from '#shared/domain/ops/me.ts';
import type { SignedIn } from '#shared/domain/ops/sessions.ts';
import { SESSION_DAYS } from '#shared/domain/ops/sessions.ts';
import type { HttpDetails } from '../../shared/api-route.ts';
import { HttpResult } from '../../shared/api-route.ts';

/** The refresh token's cookie: the web app never sees it (HttpOnly), and no other site sends it (SameSite). */
export const REFRESH_COOKIE = 'romact_refresh';

const cookie = (value: string, maxAge: number) =>
  `${REFRESH_COOKIE}=${value}; HttpOnly; Secure; SameSite=Strict; Path=/auth; Max-Age=${maxAge}`;

/** Whether the client asked to hold the refresh token itself (the CLI), instead of a cookie (the web app). */
const wantsToken = (http: HttpDetails) => http.headers['x-romact-client'] === 'cli';

/** A signed-in answer: the session in the body, the refresh token in the cookie (or the body, for the CLI). */
export function signedInResult(signedIn: SignedIn, http: HttpDetails): HttpResult {
  const { refreshToken, user, ...rest } = signedIn;
  return new HttpResult(
    // The person as GET /me shows them, with the tokens.
    { ...rest, user: profileOf(user), ...(wantsToken(http) ? { refreshToken } : {}) },
    { cookies: [cookie(refreshToken, SESSION_DAYS * 86_400)] },
  );
}

/** Signed out: the cookie is cleared. */
export function signedOutResult(): HttpResult {
  return new HttpResult(undefined, { status: 204, cookies: [cookie('', 0)] });
}

/**
 * The refresh token of a request: the CLI sends it in the body; the web app's cookie is only accepted with the
 * `X-Romact-CSRF` header, which a page of another site cannot set without our consent (CORS), so a forged form
 * cannot refresh or end a session.
 */
export function refreshTokenOf(http: HttpDetails, bodyToken: string | undefined): string | undefined {
  if (bodyToken) return bodyToken;
  const fromCookie = http.cookies[REFRESH_COOKIE];
  if (!fromCookie) return undefined;
  if (http.headers['x-romact-csrf'] !== '1') {
    throw new UnauthenticatedError('The X-Romact-CSRF header is required with the session cookie');
  }
  return fromCookie;
}
