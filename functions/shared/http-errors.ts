import type middy from '@middy/core';
import { ConcurrentUpdateError, DomainError, RateLimitedError } from '#shared/domain/errors.ts';
import { logger } from './logger.ts';

/**
 * The one domain-error mapper: turns what a route throws into an exposed HTTP error with the API's JSON body,
 * `{ error: { code, message, fields } }`, for middy's http-error-handler to answer. Only these reach the
 * client; anything else is logged (name and message, never a payload) and answered 500.
 */

const statusOf: Record<string, number> = {
  INVALID_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RULE_VIOLATION: 422,
  RATE_LIMITED: 429,
};

/** The body of an error response. */
export function errorBody(code: string, message: string, fields: { path: string; message: string }[] = []) {
  return { error: { code, message, fields } };
}

interface HttpError extends Error {
  statusCode: number;
  expose: boolean;
  headers?: Record<string, string>;
}

function exposed(statusCode: number, body: unknown, headers?: Record<string, string>): HttpError {
  return Object.assign(new Error(JSON.stringify(body)), {
    statusCode,
    expose: true,
    name: 'HttpError',
    ...(headers ? { headers } : {}),
  });
}

/** The HTTP error for anything a route threw. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof RateLimitedError) {
    return exposed(429, errorBody(error.code, error.message), {
      'retry-after': String(error.retryAfterSeconds),
    });
  }
  if (error instanceof DomainError) {
    return exposed(statusOf[error.code] ?? 400, errorBody(error.code, error.message, error.fields));
  }
  // Lost the optimistic-concurrency race more often than the retry policy allows: the client tries again.
  if (error instanceof ConcurrentUpdateError) {
    return exposed(409, errorBody('CONFLICT', 'Someone else changed this at the same time; try again'));
  }
  // middy's body parser: a malformed body is the client's mistake.
  if (error instanceof Error && (error as Partial<HttpError>).statusCode === 415) {
    return exposed(
      400,
      errorBody('INVALID_INPUT', 'The body is not valid JSON', [
        { path: '(body)', message: 'malformed JSON' },
      ]),
    );
  }
  logger.error('Unhandled error', {
    error: error instanceof Error ? { name: error.name, message: error.message } : 'unknown',
  });
  return exposed(500, errorBody('INTERNAL', 'Something went wrong'));
}

/** The middleware form of the mapper: it runs before http-error-handler writes the response. */
export function domainErrors(): middy.MiddlewareObj {
  return {
    onError: async (request) => {
      request.error = toHttpError(request.error);
    },
  };
}
