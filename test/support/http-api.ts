import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { readConfig } from '#infra/local/config.ts';
import { createHttpServer } from '#infra/local/http-server.ts';
import { localRoutes } from '#infra/local/local-routes.ts';
import type { LocalRuntime } from '#infra/local/runtime.ts';
import { localTokenIssuer } from '#shared/adapters/local/tokens.ts';
import type { Claims } from './api.ts';

/** A request as a client sends it: the path as written on the wire (percent-encoding kept), a body as text. */
export interface HttpRequestOptions {
  claims?: Claims;
  body?: unknown;
  /** The body's text exactly as sent (malformed JSON, `__proto__` keys). */
  rawBody?: string;
  query?: Record<string, string>;
  /** The query string exactly as sent, without `?` (repeated keys, odd encodings); wins over `query`. */
  rawQuery?: string;
}

/** An answer: status, parsed JSON body (or text), headers. */
export interface HttpAnswer {
  status: number;
  body: any;
  headers: Record<string, string>;
}

/**
 * The local HTTP server (`createHttpServer`, as `npm start` builds it, with the local-only routes) over a
 * test runtime, on a free loopback port, with bearer tokens signed for the claims each request names. Tests
 * that must see what a client sees (path decoding, query parsing, body reading, the server's own refusals)
 * send through it instead of invoking handlers.
 */
export async function serveOverHttp(runtime: LocalRuntime) {
  const secret = new Uint8Array(randomBytes(32));
  const server = createHttpServer({
    secret,
    handlerFor: (route) => runtime.routeHandler(route),
    localRoutes: localRoutes(runtime, readConfig({})),
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const issuer = localTokenIssuer(secret);
  const tokens = new Map<string, Promise<string>>();
  const tokenFor = (claims: Claims) => {
    const key = JSON.stringify(claims);
    if (!tokens.has(key)) tokens.set(key, issuer.issue(claims, 3_600));
    return tokens.get(key) as Promise<string>;
  };

  async function request(
    method: string,
    path: string,
    options: HttpRequestOptions = {},
  ): Promise<HttpAnswer> {
    const query = options.rawQuery ?? (options.query ? new URLSearchParams(options.query).toString() : '');
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.claims) headers.authorization = `Bearer ${await tokenFor(options.claims)}`;
    const response = await fetch(`${base}${path}${query ? `?${query}` : ''}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    let parsed: unknown = text || undefined;
    if (text && (response.headers.get('content-type') ?? '').includes('json')) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    }
    const answerHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      answerHeaders[name] = value;
    });
    return { status: response.status, body: parsed, headers: answerHeaders };
  }

  return {
    base,
    request,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
