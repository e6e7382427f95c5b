import type * as z from 'zod';
import type { Caller } from '#shared/domain/model/caller.ts';
import type { Role } from '#shared/domain/model/roles.ts';
import type { Ports } from '#shared/domain/ports.ts';
import type { Access } from './access.ts';

/**
 * An API route as data: method and path, who may call it, what it may touch, its request and response
 * schemas, and the one use case it runs. The route table (`functions/routes.ts`) lists them all; the local
 * server, the OpenAPI document, the CDK stack's routes and grants, and the authorisation tests derive from it.
 */
export interface ApiRoute<P = unknown, Q = unknown, B = unknown> {
  /** Kebab-case name: the Lambda function's. */
  name: string;
  /** The route's module (`import.meta.url`): its `handler` export is the Lambda entry. */
  source: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** API Gateway path, with `{id}` parameters. */
  path: string;
  /** One line for the OpenAPI document. */
  summary: string;
  /** The roles that may call it at all; the use case then checks the tenant and the resource. */
  roles: readonly Role[];
  /** `none`: public, no token (sign-in, a calendar URL that carries its own secret). */
  auth?: 'jwt' | 'none';
  /** Served by the local server only (Cognito signs people in on AWS). */
  localOnly?: boolean;
  access: Access;
  request: {
    path?: z.ZodType<P>;
    query?: z.ZodType<Q>;
    /** The body's schema; `raw` hands the parsed JSON to the use case (a task output, checked by its task). */
    body?: z.ZodType<B> | { raw: string };
  };
  /** Success status (200 unless said). */
  status?: number;
  run(
    ports: Ports,
    request: { caller: Caller; path: P; query: Q; body: B; http: HttpDetails },
  ): Promise<unknown>;
}

/** What else of the HTTP request a route may read. */
export interface HttpDetails {
  sourceIp: string;
  cookies: Record<string, string>;
  headers: Record<string, string>;
}

/** A response with its own status, headers or cookies (sign-in sets its refresh cookie). */
export class HttpResult {
  constructor(
    readonly body: unknown,
    readonly options: { status?: number; headers?: Record<string, string>; cookies?: string[] } = {},
  ) {}
}

/** Declares a route (the identity function, for inference). */
export function defineRoute<P = undefined, Q = undefined, B = undefined>(
  route: ApiRoute<P, Q, B>,
): ApiRoute<P, Q, B> {
  return route;
}

/** A non-JSON response body (a calendar feed). */
export class RawBody {
  constructor(
    readonly text: string,
    readonly contentType: string,
  ) {}
}
