import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadOrCreateSecret, mintToken, type TokenClaims } from '#shared/adapters/local/tokens.ts';
import { ApiError, type ApiErrorBody, CliError, ExitCode, invalidInput } from './errors.ts';
import { forgetSession, loadSession, saveSession } from './sessions.ts';

/** Talks to a romact API: the local server by default, or any deployed one with --api-url and --token. */

export { ApiError } from './errors.ts';

/** Global options of every command. */
export interface GlobalOptions {
  apiUrl?: string;
  token?: string;
  as?: TokenClaims['role'];
  municipality?: string;
  countries?: string;
  json?: boolean;
}

/** Countries a locally minted coordinator token covers when none are given: the Council of Europe's members in the EU. */
const DEFAULT_COUNTRIES = 'AT,BE,BG,CY,CZ,DE,DK,EE,ES,FI,FR,GR,HR,HU,IE,IT,LT,LU,LV,MT,NL,PL,PT,RO,SE,SI,SK';

/** How long the CLI waits for an answer before it calls the API unreachable. */
const ANSWER_TIMEOUT_MS = 60_000;

export function dataDir(): string {
  return resolve(process.env.ROMACT_DATA_DIR ?? '.romact');
}

/** The API's base URL: --api-url, then ROMACT_API_URL, then the local server on PORT. */
export function apiUrl(options: GlobalOptions): string {
  const url = (
    options.apiUrl ??
    process.env.ROMACT_API_URL ??
    `http://127.0.0.1:${process.env.PORT ?? 3000}`
  ).replace(/\/$/, '');
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol))
    throw invalidInput(
      `The API URL ${JSON.stringify(url)} is not an http(s) URL (--api-url or ROMACT_API_URL)`,
    );
  return url;
}

/** A signed-in session's access token, renewed through its refresh token when it has (nearly) expired. */
async function sessionToken(options: GlobalOptions): Promise<string | undefined> {
  const url = apiUrl(options);
  const session = loadSession(url);
  if (!session) return undefined;
  if (session.expiresAt - Date.now() > 30_000) return session.accessToken;
  const response = await fetch(`${url}/auth/refresh`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-romact-client': 'cli' },
    body: JSON.stringify({ refreshToken: session.refreshToken }),
  }).catch((error: unknown) => {
    throw unreachable(url, error);
  });
  if (!response.ok) {
    forgetSession(url);
    throw new CliError(
      'SIGNED_OUT',
      `Your session with ${url} has ended: sign in again with \`romact login\``,
      ExitCode.other,
    );
  }
  const renewed = (await response.json()) as {
    accessToken: string;
    refreshToken: string;
    expiresIn: number;
    user: { displayName: string };
    activeMembershipId: string;
  };
  saveSession(url, {
    accessToken: renewed.accessToken,
    refreshToken: renewed.refreshToken,
    expiresAt: Date.now() + renewed.expiresIn * 1_000,
    displayName: renewed.user.displayName,
    activeMembershipId: renewed.activeMembershipId,
  });
  return renewed.accessToken;
}

/**
 * The token to send: --token; else, with --as, one minted with the local server's secret for that role (local
 * scripting); else the signed-in session (`romact login`); else a minted coordinator token.
 */
export async function tokenFor(options: GlobalOptions, claims?: TokenClaims): Promise<string> {
  if (options.token) return options.token;
  if (!claims && !options.as) {
    const fromSession = await sessionToken(options);
    if (fromSession) return fromSession;
  }
  const secretPath = join(dataDir(), 'secret');
  if (!existsSync(secretPath)) {
    const url = apiUrl(options);
    const answering = await fetch(`${url}/health`, { signal: AbortSignal.timeout(5_000) }).then(
      (response) => response.ok,
      () => false,
    );
    throw answering
      ? new CliError(
          'NO_TOKEN',
          `No --token given, and no local server secret at ${secretPath}. A server answers at ${url}: pass --token, or set ROMACT_DATA_DIR to that server's data dir`,
          ExitCode.other,
        )
      : new CliError(
          'UNREACHABLE',
          `No --token given, and no local server secret at ${secretPath}; no server answers at ${url} either. Start one with \`npm start\` (same ROMACT_DATA_DIR), or pass --api-url and --token`,
          ExitCode.unreachable,
        );
  }
  const role = claims?.role ?? options.as ?? 'coordinator';
  const wanted: TokenClaims =
    claims ??
    (role === 'coordinator'
      ? { role, countries: options.countries ?? DEFAULT_COUNTRIES }
      : { role, municipality: options.municipality ?? '' });
  return mintToken(loadOrCreateSecret(secretPath), wanted, '1h');
}

/** Why a request got no answer, said for a person: which URL, and whether a server runs there. */
export function unreachable(url: string, error: unknown): CliError {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const code = cause?.code ?? (error as { name?: string }).name;
  const detail = cause?.code ?? cause?.message ?? (error as Error).message;
  const host = new URL(url).host;
  let why: string;
  switch (code) {
    case 'ECONNREFUSED':
      why = `no server is listening on ${host}. Start one with \`npm start\`, or point the CLI at a running API with --api-url or ROMACT_API_URL`;
      break;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      why = `the host ${new URL(url).hostname} is unknown`;
      break;
    case 'TimeoutError':
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
      why = `no answer within ${ANSWER_TIMEOUT_MS / 1000} s: a server may be running there, but it does not respond`;
      break;
    case 'TypeError':
      why =
        detail === 'bad port'
          ? `fetch refuses to connect to port ${new URL(url).port} (a port browsers block); use another one`
          : `the request failed before reaching a server (${detail})`;
      break;
    default:
      why = `a server may be running there, but the connection failed (${detail})`;
  }
  return new CliError('UNREACHABLE', `Cannot reach ${url}: ${why}`, ExitCode.unreachable);
}

/** Sends one request to the API; a network failure becomes an "unreachable" error naming the URL. */
export async function send(
  options: GlobalOptions,
  method: string,
  path: string,
  init: {
    body?: unknown;
    claims?: TokenClaims;
    authenticated?: boolean;
    headers?: Record<string, string>;
  } = {},
): Promise<Response> {
  const base = apiUrl(options);
  const token = init.authenticated === false ? undefined : await tokenFor(options, init.claims);
  try {
    return await fetch(`${base}${path}`, {
      method,
      headers: {
        ...init.headers,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
    });
  } catch (error) {
    throw unreachable(`${base}${path}`, error);
  }
}

/** Reads an API answer as JSON; an answer that is not JSON means the URL is not a ROMACT API. */
async function jsonOf(response: Response, url: string): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new CliError(
      'UNREACHABLE',
      `${url} answered HTTP ${response.status} with a body that is not JSON: a server runs there, but it does not look like the ROMACT API`,
      ExitCode.unreachable,
    );
  }
}

/** Throws the API's error for a response that is not OK. */
export async function ensureOk(response: Response, url: string): Promise<Response> {
  if (response.ok) return response;
  throw new ApiError(response.status, ((await jsonOf(response, url)) ?? {}) as ApiErrorBody);
}

/** Calls the API and returns its JSON, or throws ApiError. */
export async function request<T = any>(
  options: GlobalOptions,
  method: string,
  path: string,
  body?: unknown,
  claims?: TokenClaims,
): Promise<T> {
  const response = await send(options, method, path, {
    ...(body === undefined ? {} : { body }),
    ...(claims ? { claims } : {}),
  });
  const url = `${apiUrl(options)}${path}`;
  await ensureOk(response, url);
  return (await jsonOf(response, url)) as T;
}

/** The local server's `/health` (public): its planning time. */
export async function health(options: GlobalOptions): Promise<{ status: string; planningTime?: string }> {
  const response = await send(options, 'GET', '/health', { authenticated: false });
  const url = `${apiUrl(options)}/health`;
  await ensureOk(response, url);
  return (await jsonOf(response, url)) as { status: string; planningTime?: string };
}

/** Calls a public route (sign-in) and returns its JSON, or throws ApiError. */
export async function requestPublic<T = any>(
  options: GlobalOptions,
  method: string,
  path: string,
  body: unknown,
): Promise<T> {
  const response = await send(options, method, path, {
    body,
    authenticated: false,
    headers: { 'x-romact-client': 'cli' },
  });
  await ensureOk(response, `${apiUrl(options)}${path}`);
  return (await jsonOf(response, `${apiUrl(options)}${path}`)) as T;
}
