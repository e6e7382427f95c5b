import type { APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';

/** An HTTP API v2 event as API Gateway's JWT authorizer delivers it. */
export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;

/** An HTTP request, as the local server or a test has it. */
export interface HttpRequest {
  method: string;
  /** The route's path template, e.g. `/tasks/{id}`. */
  routePath: string;
  /** The request path, e.g. `/tasks/cyc-1.x.r0`. */
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
  /** The verified JWT claims, as API Gateway's authorizer passes them (all strings). */
  claims?: Record<string, string>;
  sourceIp?: string;
}

/** Matches a path against a route's template, returning the decoded parameters. */
export function matchPath(template: string, path: string): Record<string, string> | undefined {
  const pattern = new RegExp(`^${template.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`);
  const match = pattern.exec(path);
  if (!match) return undefined;
  const parameters: Record<string, string> = {};
  for (const [name, value] of Object.entries(match.groups ?? {})) {
    try {
      parameters[name] = decodeURIComponent(value);
    } catch {
      parameters[name] = value;
    }
  }
  return parameters;
}

/**
 * The API Gateway HTTP API (payload format 2.0) event for a request: what the local server and the tests hand
 * to a route's handler, so both see exactly what Lambda would.
 */
export function toApiGatewayEvent(request: HttpRequest): HttpEvent {
  const pathParameters = matchPath(request.routePath, request.path) ?? {};
  const query = request.query ?? {};
  const routeKey = `${request.method} ${request.routePath}`;
  return {
    version: '2.0',
    routeKey,
    rawPath: request.path,
    rawQueryString: new URLSearchParams(query).toString(),
    headers: request.headers ?? {},
    // Payload format 2.0 carries the request's cookies apart from its headers.
    ...(request.headers?.cookie
      ? { cookies: request.headers.cookie.split(';').map((cookie) => cookie.trim()) }
      : {}),
    ...(Object.keys(query).length ? { queryStringParameters: query } : {}),
    ...(Object.keys(pathParameters).length ? { pathParameters } : {}),
    ...(request.body ? { body: request.body } : {}),
    isBase64Encoded: false,
    requestContext: {
      accountId: 'local',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: request.method,
        path: request.path,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp ?? '127.0.0.1',
        userAgent: request.headers?.['user-agent'] ?? '',
      },
      requestId: crypto.randomUUID(),
      routeKey,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
      ...(request.claims
        ? {
            authorizer: {
              principalId: '',
              integrationLatency: 0,
              jwt: { claims: request.claims, scopes: [] },
            },
          }
        : {}),
    },
  } as HttpEvent;
}
