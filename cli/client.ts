import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadOrCreateSecret, mintToken, type TokenClaims } from '#shared/adapters/local/tokens.ts';

/** Talks to a romact API: the local server by default, or any deployed one with --api-url and --token. */

/** An API error, printed with its message and fields; the command exits non-zero. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: {
      error?: { code?: string; message?: string; fields?: { path: string; message: string }[] };
    },
  ) {
    super(body.error?.message ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
}

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

export function dataDir(): string {
  return resolve(process.env.ROMACT_DATA_DIR ?? '.romact');
}

/** The token to send: the given one, or one minted with the local server's secret. */
export async function tokenFor(options: GlobalOptions, claims?: TokenClaims): Promise<string> {
  if (options.token) return options.token;
  const secretPath = join(dataDir(), 'secret');
  if (!existsSync(secretPath)) {
    throw new Error(
      `No token given and no local server secret at ${secretPath}: start the server (npm start) or pass --token`,
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

export function apiUrl(options: GlobalOptions): string {
  return (
    options.apiUrl ??
    process.env.ROMACT_API_URL ??
    `http://127.0.0.1:${process.env.PORT ?? 3000}`
  ).replace(/\/$/, '');
}

/** Calls the API and returns its JSON, or throws ApiError. */
export async function request<T = any>(
  options: GlobalOptions,
  method: string,
  path: string,
  body?: unknown,
  claims?: TokenClaims,
): Promise<T> {
  const token = await tokenFor(options, claims);
  let response: Response;
  try {
    response = await fetch(`${apiUrl(options)}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new Error(`Cannot reach ${apiUrl(options)}: is the server running (npm start)?`);
  }
  const text = await response.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!response.ok) throw new ApiError(response.status, json ?? {});
  return json as T;
}
