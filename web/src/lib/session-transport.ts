import { ApiError, api, NetworkError, setAccessToken } from './api-client.ts';
import type { Me, Session } from './api-types.ts';
import {
  answerWithCode,
  type CognitoClientConfig,
  CognitoError,
  type CognitoTokens,
  type PendingSignIn,
  refreshTokens,
  revokeRefreshToken,
  startSignIn,
} from './cognito.ts';
import { loadConfig } from './config.ts';

/**
 * Where sessions come from. Locally (and wherever `config.json` names no user pool) the engine's own `/auth/*`
 * routes: the refresh token is an httpOnly cookie the script never sees. On AWS, Cognito: the app calls the
 * region's user-pool API itself (lib/cognito.ts), keeps the rotating refresh token, and reads the person from
 * `GET /me` with the access token. The pages see one interface either way.
 */

export type Channel = 'email' | 'sms';

export interface SessionTransport {
  /** Sends a one-time code to the address. */
  start(channel: Channel, address: string): Promise<{ expiresInSeconds: number }>;
  /** Answers with the code: a session. */
  verify(channel: Channel, address: string, code: string): Promise<Session>;
  /** A fresh access token (in another membership, when named); ApiError 401 when signed out. */
  refresh(membershipId?: string): Promise<Session>;
  signOut(): Promise<void>;
}

/** The engine's own sign-in (`/auth/*`): the local server, and any deployment without a user pool. */
export const localTransport: SessionTransport = {
  start: (channel, address) =>
    api<{ sent: boolean; expiresInSeconds: number }>('POST', '/auth/start', { body: { channel, address } }),
  verify: (channel, address, code) =>
    api<Session>('POST', '/auth/verify', { withCookie: true, body: { channel, address, code } }),
  refresh: (membershipId) =>
    api<Session>('POST', '/auth/refresh', {
      withCookie: true,
      body: membershipId ? { membershipId } : {},
    }),
  signOut: async () => {
    await api('POST', '/auth/logout', { withCookie: true, body: {} });
  },
};

/** How long Cognito keeps a sign-in open for the code (the client's auth session validity: 10 minutes). */
const CODE_SECONDS = 600;

/** Where the refresh token is kept between visits (Cognito hands it to the script; no cookie can hold it). */
export interface TokenStore {
  get(): string | undefined;
  set(token: string): void;
  clear(): void;
}

/**
 * The refresh token in the browser's local storage, per user pool client: a person on a shared basic phone is
 * asked for a code (an SMS that costs money) only when they sign out or the 30 days run out. Access tokens stay
 * in memory only.
 */
export function browserTokenStore(clientId: string): TokenStore {
  const key = `romact.refresh.${clientId}`;
  return {
    get: () => localStorage.getItem(key) ?? undefined,
    set: (token) => localStorage.setItem(key, token),
    clear: () => localStorage.removeItem(key),
  };
}

/** Cognito's errors and failed connections as the pages know them from the API (ApiError, NetworkError). */
async function asApiErrors<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof CognitoError)
      throw new ApiError(error.status, error.type, error.message, [], error.status === 429 ? 60 : undefined);
    if (error instanceof TypeError) throw new NetworkError();
    throw error;
  }
}

/** Cognito's username for an address: the email lower-cased, the phone as given (E.164). */
const usernameOf = (channel: Channel, address: string) =>
  channel === 'email' ? address.trim().toLowerCase() : address.trim();

/** Sign-in on the user pool of `config.json` (AWS). */
export function cognitoTransport(
  config: CognitoClientConfig,
  tokens: TokenStore = browserTokenStore(config.userPoolClientId),
): SessionTransport {
  let pending: PendingSignIn | undefined;
  const sessionFrom = async (issued: CognitoTokens): Promise<Session> => {
    if (issued.refreshToken) tokens.set(issued.refreshToken);
    setAccessToken(issued.accessToken);
    const me = await api<Me>('GET', '/me');
    return { ...me, accessToken: issued.accessToken, expiresIn: issued.expiresIn };
  };
  return {
    start: async (channel, address) => {
      pending = await asApiErrors(() => startSignIn(config, channel, usernameOf(channel, address)));
      return { expiresInSeconds: CODE_SECONDS };
    },
    verify: async (channel, address, code) => {
      const started = pending;
      if (!started || started.username !== usernameOf(channel, address))
        throw new ApiError(401, 'NO_SIGN_IN', 'Ask for a new code');
      const issued = await asApiErrors(() => answerWithCode(config, started, code));
      pending = undefined;
      return sessionFrom(issued);
    },
    refresh: async (membershipId) => {
      const refreshToken = tokens.get();
      if (!refreshToken) throw new ApiError(401, 'SIGNED_OUT', 'Not signed in');
      let issued: CognitoTokens;
      try {
        issued = await asApiErrors(() => refreshTokens(config, refreshToken, membershipId));
      } catch (error) {
        // Spent, revoked or expired: keep nothing that can never work again.
        if (error instanceof ApiError && error.status === 401) tokens.clear();
        throw error;
      }
      return sessionFrom(issued);
    },
    signOut: async () => {
      const refreshToken = tokens.get();
      tokens.clear();
      setAccessToken(undefined);
      // Forgotten here whatever happens; revoked at Cognito when it can be reached (offline, it lapses in 30 days).
      if (refreshToken) await revokeRefreshToken(config, refreshToken).catch(() => undefined);
    },
  };
}

let chosen: Promise<SessionTransport> | undefined;

/** The transport `config.json` calls for: Cognito where it names a user pool client and region, else local. */
export function sessionTransport(): Promise<SessionTransport> {
  chosen ??= loadConfig().then((config) =>
    config.region && config.userPoolClientId
      ? cognitoTransport({ region: config.region, userPoolClientId: config.userPoolClientId })
      : localTransport,
  );
  return chosen;
}
