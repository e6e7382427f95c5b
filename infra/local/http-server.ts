import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { apiRoutes } from '#functions/routes.ts';
import type { ApiRoute } from '#functions/shared/api-route.ts';
import { toApiGatewayEvent } from '#functions/shared/apigw-event.ts';
import { API_RESPONSE_HEADERS, MAX_BODY_BYTES } from '#functions/shared/http-handler.ts';
import { verifyBearer } from './auth.ts';

/**
 * The HTTP API offline: each request becomes the HTTP API v2 event API Gateway would send (verified JWT
 * claims under requestContext.authorizer.jwt.claims) and goes to the same route handler. No route is
 * implemented twice; this file only translates.
 */

/** A route served only by the local server (health, OpenAPI, the outbox). */
export interface LocalRoute {
  method: string;
  path: string;
  /** Whether it needs a valid token. */
  authenticated: boolean;
  handle(request: {
    query: Record<string, string>;
    claims?: Record<string, string>;
    pathParameters: Record<string, string>;
  }): Promise<{
    status: number;
    body: unknown;
    contentType?: string;
  }>;
}

interface Matcher {
  method: string;
  pattern: RegExp;
  path: string;
}

function matcher(method: string, path: string): Matcher {
  return { method, path, pattern: new RegExp(`^${path.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`) };
}

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  contentType = 'application/json; charset=utf-8',
) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(text),
    ...API_RESPONSE_HEADERS,
  });
  response.end(text);
}

const errorBody = (code: string, message: string) => ({ error: { code, message, fields: [] } });

/** Reads the body; more than the API's limit is refused without reading the rest. */
async function readBody(request: IncomingMessage): Promise<string | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Creates the local HTTP server for the API routes and the local-only routes. */
export function createHttpServer(options: {
  secret: Uint8Array;
  /** A route's handler (the runtime's `routeHandler`). */
  handlerFor: (route: ApiRoute) => (event: unknown, context: unknown) => Promise<unknown>;
  localRoutes?: LocalRoute[];
  routes?: readonly ApiRoute[];
  /** Serves the web app for GETs no route matches (infra/local/web-assets.ts). */
  web?: (request: IncomingMessage, response: ServerResponse) => boolean;
}): Server {
  const routes = (options.routes ?? apiRoutes).map((route) => ({
    route,
    match: matcher(route.method, route.path),
  }));
  const locals = (options.localRoutes ?? []).map((route) => ({
    route,
    match: matcher(route.method, route.path),
  }));

  return createServer(async (request, response) => {
    try {
      const url = new URL(request.url ?? '/', 'http://localhost');
      const method = request.method ?? 'GET';
      const query = Object.fromEntries(url.searchParams);
      const claims = await verifyBearer(options.secret, request.headers.authorization);

      for (const { route, match } of locals) {
        const found = match.method === method && match.pattern.exec(url.pathname);
        if (!found) continue;
        if (route.authenticated && !claims)
          return send(response, 401, errorBody('UNAUTHENTICATED', 'Missing or invalid token'));
        const result = await route.handle({
          query,
          ...(claims ? { claims } : {}),
          pathParameters: { ...found.groups },
        });
        return send(response, result.status, result.body, result.contentType);
      }

      const candidates = routes.filter(({ match }) => match.pattern.test(url.pathname));
      const hit = candidates.find(({ match }) => match.method === method);
      if (!hit) {
        if (!candidates.length && options.web?.(request, response)) return;
        return candidates.length
          ? send(
              response,
              405,
              errorBody('METHOD_NOT_ALLOWED', `${method} is not allowed on ${url.pathname}`),
            )
          : send(response, 404, errorBody('NOT_FOUND', `No route ${method} ${url.pathname}`));
      }
      // API Gateway's JWT authorizer refuses the request before any Lambda runs.
      if (!claims) return send(response, 401, errorBody('UNAUTHENTICATED', 'Missing or invalid token'));
      const body = method === 'GET' || method === 'DELETE' ? '' : await readBody(request);
      if (body === 'too-large') {
        response.setHeader('connection', 'close');
        return send(
          response,
          413,
          errorBody('PAYLOAD_TOO_LARGE', `The body is larger than ${MAX_BODY_BYTES / 1024} KB`),
        );
      }
      const event = toApiGatewayEvent({
        method,
        routePath: hit.route.path,
        path: url.pathname,
        query,
        headers: Object.fromEntries(
          Object.entries(request.headers).map(([name, value]) => [name, String(value)]),
        ),
        ...(body ? { body } : {}),
        claims,
        sourceIp: request.socket.remoteAddress ?? '',
      });
      const result = (await options.handlerFor(hit.route)(event, {})) as APIGatewayProxyStructuredResultV2;
      response.writeHead(result.statusCode ?? 200, result.headers as Record<string, string>);
      response.end(result.body ?? '');
    } catch {
      if (!response.headersSent) send(response, 500, errorBody('INTERNAL', 'Something went wrong'));
      else response.end();
    }
  });
}
