import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import httpErrorHandler from '@middy/http-error-handler';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import httpJsonBodyParser from '@middy/http-json-body-parser';
import type { APIGatewayProxyStructuredResultV2, Context as LambdaContext } from 'aws-lambda';
import type * as z from 'zod';
import {
  DomainError,
  ForbiddenError,
  fieldIssues,
  InvalidInputError,
  prototypeKeyIssues,
  UnauthenticatedError,
} from '#shared/domain/errors.ts';
import { type Caller, callerFromClaims } from '#shared/domain/model/caller.ts';
import type { Ports } from '#shared/domain/ports.ts';
import { type ApiRoute, HttpResult, RawBody } from './api-route.ts';
import type { HttpEvent } from './apigw-event.ts';
import { domainErrors, errorBody } from './http-errors.ts';
import { jsonDepth, MAX_JSON_DEPTH } from './json-depth.ts';
import { logger } from './logger.ts';

/**
 * The HTTP edge of every API route: middy with its own middlewares (header normalizer, JSON body parser,
 * error handler), Powertools' Lambda context in the logs, the caller from the JWT claims, zod on path, query
 * and body, and one call of the route's use case.
 */

/** The most a request body may carry (API Gateway's payload limit is larger; ours keeps items small). */
export const MAX_BODY_BYTES = 256 * 1024;

/** Headers on every API response: personal data is never cached, and content types are never sniffed. */
export const API_RESPONSE_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

class PayloadTooLargeError extends DomainError {
  readonly code = 'PAYLOAD_TOO_LARGE';
}

type Result = APIGatewayProxyStructuredResultV2;
type Context = LambdaContext & { caller?: Caller };

function parsePart<T>(schema: z.ZodType<T> | undefined, value: unknown, prefix: string): T {
  if (!schema) return undefined as T;
  // A record schema drops `__proto__` silently: refuse such keys before the schema can overlook them.
  const hidden = prefix === 'body' ? prototypeKeyIssues(value) : [];
  if (hidden.length) throw new InvalidInputError(`Invalid ${prefix}`, hidden);
  const result = schema.safeParse(value);
  if (!result.success)
    throw new InvalidInputError(
      `Invalid ${prefix}`,
      fieldIssues(result.error.issues, prefix === 'body' ? '' : prefix),
    );
  return result.data;
}

/**
 * Who calls: read from the claims before anything else, so a request without a token learns nothing more. A
 * person acts in a membership, which is read on every request: a removed membership stops working at once, not
 * when the token expires.
 */
const authenticate = (
  route: ApiRoute,
  portsFor: () => Ports,
): middy.MiddlewareObj<HttpEvent, Result, Error, Context> => ({
  before: async (request) => {
    const caller = callerFromClaims(request.event.requestContext?.authorizer?.jwt?.claims);
    if (caller.userId && caller.membershipId) {
      const membership = await portsFor().users.getMembership(caller.userId, caller.membershipId);
      if (!membership) throw new UnauthenticatedError('That membership was removed; sign in again');
    }
    if (!route.roles.includes(caller.role)) {
      throw new ForbiddenError(`The ${caller.role} may not ${route.method} ${route.path}`);
    }
    request.context.caller = caller;
  },
});

/** A public route's caller: nobody (the route reads nothing of it). */
const NOBODY = { role: 'cag', municipalityId: '-' } as Caller;

/** Cookies of an HTTP API v2 event (`name=value` strings). */
function cookiesOf(event: HttpEvent): Record<string, string> {
  const pairs = (event.cookies ?? []).flatMap((cookie) => cookie.split(';'));
  return Object.fromEntries(
    pairs
      .map((pair) => pair.trim().split('='))
      .filter((parts) => parts.length >= 2 && parts[0])
      .map(([name, ...value]) => [name as string, decodeURIComponent(value.join('='))]),
  );
}

/** A body is required, at most MAX_BODY_BYTES, nested at most MAX_JSON_DEPTH deep. */
const requireBody = (): middy.MiddlewareObj<HttpEvent, Result> => ({
  before: async (request) => {
    const { body, isBase64Encoded } = request.event;
    const text = isBase64Encoded && body ? Buffer.from(body, 'base64').toString('utf8') : (body ?? '');
    if (Buffer.byteLength(text) > MAX_BODY_BYTES)
      throw new PayloadTooLargeError(`The body is larger than ${MAX_BODY_BYTES / 1024} KB`);
    if (text.trim() === '')
      throw new InvalidInputError('A JSON body is required', [{ path: '(body)', message: 'required' }]);
    if (jsonDepth(text) > MAX_JSON_DEPTH)
      throw new InvalidInputError('The body is nested too deeply', [
        { path: '(body)', message: `must nest arrays and objects at most ${MAX_JSON_DEPTH} deep` },
      ]);
  },
});

/** Adds the API's response headers to every answer, errors included. */
const responseHeaders = (): middy.MiddlewareObj<HttpEvent, Result> => {
  const add = async (request: middy.Request<HttpEvent, Result>) => {
    if (request.response) request.response.headers = { ...request.response.headers, ...API_RESPONSE_HEADERS };
  };
  return { after: add, onError: add };
};

/** The response for what a use case returned. */
function respond(route: ApiRoute, result: unknown): Result {
  if (result instanceof HttpResult) {
    const inner = respond(
      { ...route, status: result.options.status ?? route.status } as ApiRoute,
      result.body,
    );
    return {
      ...inner,
      headers: { ...inner.headers, ...result.options.headers },
      ...(result.options.cookies?.length ? { cookies: result.options.cookies } : {}),
    };
  }
  if (result instanceof RawBody) {
    return {
      statusCode: route.status ?? 200,
      headers: { 'content-type': result.contentType },
      body: result.text,
    };
  }
  if (result === undefined) return { statusCode: route.status ?? 204 };
  return {
    statusCode: route.status ?? 200,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(result),
  };
}

/** Builds a route's handler on the ports `portsFor` gives (the Lambda wiring, or the local runtime's). */
export function httpHandler(route: ApiRoute, portsFor: () => Ports) {
  const hasBody = route.request.body !== undefined;
  const lambdaHandler = async (event: HttpEvent, context: Context): Promise<Result> => {
    const caller = route.auth === 'none' ? NOBODY : (context.caller as Caller);
    const path = parsePart(route.request.path, event.pathParameters ?? {}, 'path');
    const query = parsePart(route.request.query, event.queryStringParameters ?? {}, 'query');
    const bodySchema = route.request.body;
    const raw = event.body as unknown;
    if (bodySchema && 'raw' in bodySchema) {
      const hidden = prototypeKeyIssues(raw);
      if (hidden.length) throw new InvalidInputError('Invalid body', hidden);
    }
    const body = bodySchema && !('raw' in bodySchema) ? parsePart(bodySchema as z.ZodType, raw, 'body') : raw;
    const http = {
      sourceIp: event.requestContext?.http?.sourceIp ?? '',
      cookies: cookiesOf(event),
      headers: (event.headers ?? {}) as Record<string, string>,
    };
    return respond(route, await route.run(portsFor(), { caller, path, query, body, http }));
  };
  const handler: middy.MiddyfiedHandler<HttpEvent, Result, Error, Context> = middy<
    HttpEvent,
    Result,
    Error,
    Context
  >()
    .use(injectLambdaContext(logger))
    .use(responseHeaders())
    .use(
      httpErrorHandler({
        logger: false,
        fallbackMessage: JSON.stringify(errorBody('INTERNAL', 'Something went wrong')),
      }),
    )
    .use(domainErrors())
    .use(httpHeaderNormalizer());
  if (route.auth !== 'none') handler.use(authenticate(route, portsFor));
  if (hasBody) {
    // The API has always read any body as JSON, whatever its content type (curl sends form types by default):
    // `disableContentTypeCheck` is an option of the parser that its type declarations leave out.
    handler.use(requireBody()).use(httpJsonBodyParser({ disableContentTypeCheck: true } as never) as never);
  }
  return handler.handler(lambdaHandler);
}
