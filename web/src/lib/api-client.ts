import { loadConfig } from './config.ts';

/** One wrong field, as the API names it (`meetings.0.cagMembersPresent`). */
export interface FieldError {
  path: string;
  message: string;
}

/** An answer of the API other than 2xx: its status, code, message and the wrong fields. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldError[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The request did not reach the API (offline, a dropped connection): worth keeping the work and retrying. */
export class NetworkError extends Error {
  constructor() {
    super('The connection failed');
    this.name = 'NetworkError';
  }
}

type Query = Record<string, string | number | boolean | undefined>;

interface RequestOptions {
  body?: unknown;
  query?: Query;
  /** Send the refresh cookie and the CSRF header (auth routes). */
  withCookie?: boolean;
  signal?: AbortSignal;
}

let accessToken: string | undefined;
let onUnauthorized: (() => void) | undefined;

/** The access token lives in memory only: never in storage, a cookie the script can read, or a URL. */
export function setAccessToken(token: string | undefined) {
  accessToken = token;
}

/** Called when the API says the token is no longer valid (401 on a bearer request). */
export function setUnauthorizedHandler(handler: (() => void) | undefined) {
  onUnauthorized = handler;
}

function queryString(query: Query | undefined) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Calls the API. Resolves with the JSON body (undefined for 204); rejects with ApiError or NetworkError. */
export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const { apiUrl } = await loadConfig();
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': document.documentElement.lang || 'en',
  };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.withCookie) headers['x-romact-csrf'] = '1';
  else if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  let response: Response;
  try {
    response = await fetch(`${apiUrl}${path}${queryString(options.query)}`, {
      method,
      headers,
      credentials: options.withCookie ? 'include' : 'omit',
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new NetworkError();
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (response.ok) return body as T;
  const error = (body as { error?: { code?: string; message?: string; fields?: FieldError[] } })?.error;
  if (response.status === 401 && !options.withCookie) onUnauthorized?.();
  const retryAfter = Number(response.headers.get('retry-after'));
  throw new ApiError(
    response.status,
    error?.code ?? `HTTP_${response.status}`,
    error?.message ?? response.statusText,
    Array.isArray(error?.fields) ? error.fields : [],
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}
