import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadOrCreateSecret, mintToken, type TokenClaims } from '#shared/adapters/local/tokens.ts';
import { ApiError, type ApiErrorBody, CliError, ExitCode, invalidInput } from './errors.ts';

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

/** The token to send: the given one, or one minted with the local server's secret. */
export async function tokenFor(options: GlobalOptions, claims?: TokenClaims): Promise<string> {
  if (options.token) return options.token;
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
  init: { body?: unknown; claims?: TokenClaims; authenticated?: boolean } = {},
): Promise<Response> {
  const base = apiUrl(options);
  const token = init.authenticated === false ? undefined : await tokenFor(options, init.claims);
  try {
    return await fetch(`${base}${path}`, {
      method,
      headers: {
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
