import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { apiRoutes } from '#functions/routes.ts';
import type { ApiRoute } from '#functions/shared/api-route.ts';
import { toApiGatewayEvent } from '#functions/shared/apigw-event.ts';
import { API_RESPONSE_HEADERS, MAX_BODY_BYTES } from '#functions/shared/http-handler.ts';
import { verifyBearer } from '#shared/adapters/local/tokens.ts';

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

/**
 * On every response, the local server's own answers included (401, 404, OPTIONS, a timeout): the headers the
 * API's handlers set (no caching of personal data, no content sniffing).
 */
const SECURITY_HEADERS = API_RESPONSE_HEADERS;

/** How long a client may take to send its headers, and its whole request (a slow body cannot hold a socket). */
export interface HttpTimeouts {
  headersMs: number;
  requestMs: number;
}
const DEFAULT_TIMEOUTS: HttpTimeouts = { headersMs: 10_000, requestMs: 30_000 };

function send(
  response: ServerResponse,
  status: number,
  body: unknown,
  options: { contentType?: string; headers?: Record<string, string>; omitBody?: boolean } = {},
) {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, {
    'content-type': options.contentType ?? 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...options.headers,
    ...SECURITY_HEADERS,
  });
  // HEAD: the headers GET would send (length included), no body.
  response.end(options.omitBody ? undefined : text);
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

/** The methods a path answers, as an `Allow` header lists them (HEAD wherever GET is; OPTIONS everywhere). */
function allowedMethods(matchers: readonly Matcher[], pathname: string): string[] {
  const methods = new Set(matchers.filter((one) => one.pattern.test(pathname)).map((one) => one.method));
  if (!methods.size) return [];
  if (methods.has('GET')) methods.add('HEAD');
  methods.add('OPTIONS');
  return [...methods];
}

/** A raw response for a connection the HTTP parser gave up on (timeout, malformed request). */
function clientErrorResponse(status: number, reason: string, code: string, message: string): string {
  const body = JSON.stringify(errorBody(code, message));
  return [
    `HTTP/1.1 ${status} ${reason}`,
    'connection: close',
    'content-type: application/json; charset=utf-8',
    `content-length: ${Buffer.byteLength(body)}`,
    ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `${name}: ${value}`),
    '',
    body,
  ].join('\r\n');
}

/** Creates the local HTTP server for the API routes and the local-only routes. */
export function createHttpServer(options: {
  secret: Uint8Array;
  /** A route's handler (the runtime's `routeHandler`). */
  handlerFor: (route: ApiRoute) => (event: unknown, context: unknown) => Promise<unknown>;
  localRoutes?: LocalRoute[];
  routes?: readonly ApiRoute[];
  timeouts?: Partial<HttpTimeouts>;
  /** Serves the web app for GETs no route matches (infra/local/web-assets.ts). */
  web?: (request: IncomingMessage, response: ServerResponse) => boolean;
  /** Answers the signed file URLs under /files/ (infra/local/file-server.ts). */
  files?: (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;
}): Server {
  const routes = (options.routes ?? apiRoutes).map((route) => ({
    route,
    match: matcher(route.method, route.path),
  }));
  const locals = (options.localRoutes ?? []).map((route) => ({
    route,
    match: matcher(route.method, route.path),
  }));
  const allMatchers = [...locals, ...routes].map(({ match }) => match);
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };

  const server = createServer(
    {
      // Node's defaults let a client trickle a body for 300 s; API Gateway cuts off at 30 s.
      headersTimeout: timeouts.headersMs,
      requestTimeout: Math.max(timeouts.requestMs, timeouts.headersMs),
      connectionsCheckingInterval: Math.max(10, Math.min(1_000, Math.floor(timeouts.headersMs / 4))),
    },
    async (request, response) => {
      try {
        const url = new URL(request.url ?? '/', 'http://localhost');
        const requested = request.method ?? 'GET';
        const head = requested === 'HEAD';
        const method = head ? 'GET' : requested;
        const query = Object.fromEntries(url.searchParams);
        // A signed file URL carries its own permission; its body is a file, not JSON.
        if (options.files && (await options.files(request, response))) return;

        if (method === 'OPTIONS') {
          const allow = allowedMethods(allMatchers, url.pathname);
          if (!allow.length)
            return send(response, 404, errorBody('NOT_FOUND', `No route for ${url.pathname}`));
          response.writeHead(204, { allow: allow.join(', '), ...SECURITY_HEADERS });
          return response.end();
        }
        const claims = await verifyBearer(options.secret, request.headers.authorization);

        for (const { route, match } of locals) {
          const found = match.method === method && match.pattern.exec(url.pathname);
          if (!found) continue;
          if (route.authenticated && !claims)
            return send(response, 401, errorBody('UNAUTHENTICATED', 'Missing or invalid token'), {
              omitBody: head,
            });
          const result = await route.handle({
            query,
            ...(claims ? { claims } : {}),
            pathParameters: { ...found.groups },
          });
          return send(response, result.status, result.body, {
            ...(result.contentType ? { contentType: result.contentType } : {}),
            omitBody: head,
          });
        }

        const candidates = routes.filter(({ match }) => match.pattern.test(url.pathname));
        const hit = candidates.find(({ match }) => match.method === method);
        if (!hit) {
          if (!candidates.length && options.web?.(request, response)) return;
          const allow = allowedMethods(allMatchers, url.pathname);
          return allow.length
            ? send(
                response,
                405,
                errorBody('METHOD_NOT_ALLOWED', `${requested} is not allowed on ${url.pathname}`),
                { headers: { allow: allow.join(', ') }, omitBody: head },
              )
            : send(response, 404, errorBody('NOT_FOUND', `No route ${requested} ${url.pathname}`), {
                omitBody: head,
              });
        }
        // API Gateway's JWT authorizer refuses the request before any Lambda runs (public routes have none).
        if (!claims && hit.route.auth !== 'none')
          return send(response, 401, errorBody('UNAUTHENTICATED', 'Missing or invalid token'), {
            omitBody: head,
          });
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
          ...(claims ? { claims } : {}),
          sourceIp: request.socket.remoteAddress ?? '',
        });
        const result = (await options.handlerFor(hit.route)(event, {})) as APIGatewayProxyStructuredResultV2;
        const text = result.body ?? '';
        response.writeHead(result.statusCode ?? 200, {
          ...(result.headers as Record<string, string>),
          ...(result.cookies?.length ? { 'set-cookie': result.cookies } : {}),
          'content-length': Buffer.byteLength(text),
          ...SECURITY_HEADERS,
        });
        response.end(head ? undefined : text);
      } catch {
        if (!response.headersSent) send(response, 500, errorBody('INTERNAL', 'Something went wrong'));
        else response.end();
      }
    },
  );
  // The parser's own refusals (a timed-out or malformed request) in the API's error shape.
  server.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    const answered = (socket as { _httpMessage?: ServerResponse })._httpMessage?.headersSent;
    if (socket.writable && !answered) {
      socket.write(
        error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? clientErrorResponse(
              408,
              'Request Timeout',
              'REQUEST_TIMEOUT',
              'The request took too long to arrive',
            )
          : error.code === 'HPE_HEADER_OVERFLOW'
            ? clientErrorResponse(
                431,
                'Request Header Fields Too Large',
                'HEADERS_TOO_LARGE',
                'Headers too large',
              )
            : clientErrorResponse(400, 'Bad Request', 'BAD_REQUEST', 'Malformed HTTP request'),
      );
    }
    socket.destroy();
  });
  return server;
}
