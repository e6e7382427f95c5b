import type { APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { apiRoutes } from '#functions/api/routes.ts';
import type { HttpEvent } from '#functions/shared/http.ts';

/** Claims of a caller, as API Gateway's JWT authorizer passes them. */
export type Claims = Record<string, string>;

export const coordinatorBG: Claims = { role: 'coordinator', countries: 'BG,RO' };
export const coordinatorIT: Claims = { role: 'coordinator', countries: 'IT' };
export const municipalityOf = (municipalityId: string): Claims => ({
  role: 'municipality',
  municipality: municipalityId,
});
export const cagOf = (municipalityId: string): Claims => ({ role: 'cag', municipality: municipalityId });

/** Invokes an API route handler with an HTTP API v2 event, as API Gateway would. */
export async function call(
  method: string,
  path: string,
  options: { claims?: Claims; body?: unknown; rawBody?: string; query?: Record<string, string> } = {},
): Promise<{ status: number; body: any }> {
  for (const route of apiRoutes) {
    const pattern = new RegExp(`^${route.path.replace(/\{(\w+)\}/g, '(?<$1>[^/]+)')}$`);
    const match = pattern.exec(path);
    if (route.method !== method || !match) continue;
    const event = {
      version: '2.0',
      routeKey: `${route.method} ${route.path}`,
      rawPath: path,
      rawQueryString: new URLSearchParams(options.query ?? {}).toString(),
      headers: { 'content-type': 'application/json' },
      queryStringParameters: options.query,
      pathParameters: match.groups ? { ...match.groups } : undefined,
      body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
      isBase64Encoded: false,
      requestContext: {
        http: { method, path },
        authorizer: options.claims ? { jwt: { claims: options.claims, scopes: [] } } : undefined,
      },
    } as unknown as HttpEvent;
    const result = (await route.handler(event as never, {} as never)) as APIGatewayProxyResultV2;
    const structured = result as APIGatewayProxyStructuredResultV2;
    return {
      status: structured.statusCode ?? 200,
      body: structured.body ? JSON.parse(structured.body) : undefined,
    };
  }
  throw new Error(`No route ${method} ${path}`);
}

/** Valid outputs for each task of the ROMACT template. */
export { exampleOutputs as outputs } from '#workflows/templates/examples.ts';
