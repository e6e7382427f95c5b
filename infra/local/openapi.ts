import { createDocument } from 'zod-openapi';
import { apiRoutes } from '#functions/api/routes.ts';

/** The OpenAPI document of the HTTP API, generated from the same zod schemas that validate requests. */
export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of apiRoutes) {
    const { spec } = route;
    const operation: Record<string, unknown> = {
      operationId: route.name,
      security: [{ bearer: [] }],
      responses: {
        [String(spec.status ?? 200)]: { description: 'OK' },
        400: { description: 'Invalid input: every wrong field is named in error.fields' },
        401: { description: 'Missing or invalid token' },
        403: { description: 'Not allowed for this role' },
        404: { description: 'Unknown id, or not visible to the caller' },
        409: { description: 'The task is no longer open, or the cycle is not running' },
        422: { description: 'A valid body that breaks a rule of the template' },
      },
    };
    if (spec.path) operation.requestParams = { path: spec.path };
    if (spec.query) operation.requestParams = { ...(operation.requestParams as object), query: spec.query };
    if (spec.body) operation.requestBody = { content: { 'application/json': { schema: spec.body } } };
    if (spec.rawBody) {
      operation.requestBody = {
        description:
          "The task's output, validated against the task's output schema (see the task's `output`)",
        content: { 'application/json': { schema: { type: 'object' } } },
      };
    }
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation };
  }
  return createDocument({
    openapi: '3.1.0',
    info: { title: 'ROMACT engine API', version: '1.0.0' },
    servers: [{ url: serverUrl }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    paths: paths as never,
  });
}
