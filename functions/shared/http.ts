import middy from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { z } from 'zod';
import { type Caller, callerFromClaims } from '#shared/domain/caller.ts';
import { DomainError, type FieldIssue, fieldIssues, InvalidInputError } from '#shared/domain/errors.ts';
import type { Dependencies } from '#shared/domain/ports.ts';
import { dependencies } from './dependencies.ts';
import { logger } from './logger.ts';

/**
 * The HTTP edge shared by every API route: the caller from the JWT claims, zod on path, query and body, one
 * call into the domain, and errors as `{ error: { code, message, fields } }` with their status code.
 */

/** The most a request body may carry. */
export const MAX_BODY_BYTES = 256 * 1024;

const statusOf: Record<string, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RULE_VIOLATION: 422,
};

class PayloadTooLargeError extends DomainError {
  readonly code = 'PAYLOAD_TOO_LARGE';
}

/** An HTTP API v2 event as API Gateway's JWT authorizer delivers it. */
export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;

/** What a route's domain call receives. */
export interface RouteContext<P, Q, B> {
  deps: Dependencies;
  caller: Caller;
  path: P;
  query: Q;
  body: B;
}

/** A route's schemas and success status. */
export interface RouteSpec<P, Q, B> {
  path?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  /** Bodies the domain validates itself (a task's output, whose schema depends on the task). */
  rawBody?: boolean;
  status?: number;
}

function parsePart<T>(schema: z.ZodType<T> | undefined, value: unknown, prefix: string): T {
  if (!schema) return undefined as T;
  const result = schema.safeParse(value);
  if (!result.success)
    throw new InvalidInputError(
      `Invalid ${prefix}`,
      fieldIssues(result.error.issues, prefix === 'body' ? '' : prefix),
    );
  return result.data;
}

function readJson(event: HttpEvent): unknown {
  const raw = event.body ?? '';
  const text = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    throw new PayloadTooLargeError(`The body is larger than ${MAX_BODY_BYTES / 1024} KB`);
  }
  if (text.trim() === '')
    throw new InvalidInputError('A JSON body is required', [{ path: '(body)', message: 'required' }]);
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidInputError('The body is not valid JSON', [
      { path: '(body)', message: 'malformed JSON' },
    ]);
  }
}

/** The JSON error response for a thrown error (unexpected errors are logged and answered 500). */
export function errorResponse(error: unknown): APIGatewayProxyResultV2 {
  if (error instanceof DomainError) {
    return json(statusOf[error.code] ?? 400, {
      error: { code: error.code, message: error.message, fields: error.fields },
    });
  }
  logger.error('Unhandled error', {
    error: error instanceof Error ? { name: error.name, message: error.message } : 'unknown',
  });
  return json(500, {
    error: { code: 'INTERNAL', message: 'Something went wrong', fields: [] as FieldIssue[] },
  });
}

/** A non-JSON response body (a calendar feed). */
export class RawBody {
  constructor(
    readonly text: string,
    readonly contentType: string,
  ) {}
}

/** A JSON response. */
export function json(statusCode: number, body: unknown): APIGatewayProxyResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(body),
  };
}

/** Builds an API route handler: thin by construction. */
export function route<P = undefined, Q = undefined, B = undefined>(
  spec: RouteSpec<P, Q, B>,
  call: (context: RouteContext<P, Q, B>) => Promise<unknown>,
) {
  const lambdaHandler = async (event: HttpEvent): Promise<APIGatewayProxyResultV2> => {
    const caller = callerFromClaims(event.requestContext?.authorizer?.jwt?.claims);
    const path = parsePart(spec.path, event.pathParameters ?? {}, 'path');
    const query = parsePart(spec.query, event.queryStringParameters ?? {}, 'query');
    const body = spec.body
      ? parsePart(spec.body, readJson(event), 'body')
      : ((spec.rawBody ? readJson(event) : undefined) as B);
    const result = await call({ deps: dependencies(), caller, path, query, body });
    if (result instanceof RawBody) {
      return {
        statusCode: spec.status ?? 200,
        headers: { 'content-type': result.contentType },
        body: result.text,
      };
    }
    return json(spec.status ?? 200, result);
  };
  const handler = middy<HttpEvent, APIGatewayProxyResultV2>()
    .use({
      onError: async (request) => {
        request.response = errorResponse(request.error);
      },
    })
    .handler(lambdaHandler);
  // The schemas travel with the handler so the OpenAPI document is generated from what validates.
  return Object.assign(handler, { spec: spec as RouteSpec<unknown, unknown, unknown> });
}
