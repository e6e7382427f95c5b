import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { apiRoutes } from '#functions/routes.ts';
import { matchPath, toApiGatewayEvent } from '#functions/shared/apigw-event.ts';
import type { LocalRuntime } from '#infra/local/runtime.ts';

/** Claims of a caller, as API Gateway's JWT authorizer passes them. */
export type Claims = Record<string, string>;

export const coordinatorBG: Claims = { role: 'coordinator', countries: 'BG,RO' };
export const coordinatorIT: Claims = { role: 'coordinator', countries: 'IT' };
export const municipalityOf = (municipalityId: string): Claims => ({
  role: 'municipality',
  municipality: municipalityId,
});
export const cagOf = (municipalityId: string): Claims => ({ role: 'cag', municipality: municipalityId });

/** The runtime `call` invokes routes on: the test file's runtime (set by `testRuntime`). */
let target: LocalRuntime | undefined;

/** Points `call` at a runtime. */
export function useRuntime(runtime: LocalRuntime | undefined) {
  target = runtime;
}

/** Invokes an API route's handler with an HTTP API v2 event built as the local server builds it. */
export async function call(
  method: string,
  path: string,
  options: { claims?: Claims; body?: unknown; rawBody?: string; query?: Record<string, string> } = {},
): Promise<{ status: number; body: any; headers: Record<string, string> }> {
  if (!target) throw new Error('No runtime: start one with testRuntime()');
  const route = apiRoutes.find((candidate) => candidate.method === method && matchPath(candidate.path, path));
  if (!route) throw new Error(`No route ${method} ${path}`);
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const event = toApiGatewayEvent({
    method,
    routePath: route.path,
    path,
    ...(options.query ? { query: options.query } : {}),
    headers: { 'content-type': 'application/json' },
    ...(body !== undefined ? { body } : {}),
    ...(options.claims ? { claims: options.claims } : {}),
  });
  const result = (await target.routeHandler(route)(event, {})) as APIGatewayProxyStructuredResultV2;
  const text = result.body ?? '';
  const type = String(result.headers?.['content-type'] ?? result.headers?.['Content-Type'] ?? '');
  return {
    status: result.statusCode ?? 200,
    body: text && type.includes('json') ? JSON.parse(text) : text || undefined,
    headers: (result.headers ?? {}) as Record<string, string>,
  };
}

/** Valid outputs for each task of the ROMACT template. */
export { exampleOutputs as outputs } from '#workflows/templates/examples.ts';
