import { createDocument } from 'zod-openapi';
import { outputJsonSchema } from '#shared/domain/model/output-json-schema.ts';
import { taskOutputNames } from '#shared/domain/model/task-outputs.ts';
import { apiRoutes } from './routes.ts';

/** Where a task output's schema sits in the document. */
export const outputSchemaRef = (name: string) => `#/components/schemas/${name}`;

/**
 * Each task output's JSON Schema, as the API validates a completion with it (generated from the same zod
 * schema), worded in English: `GET /templates/{id}?locale=` serves it in the other languages.
 */
function outputSchemas() {
  return Object.fromEntries(
    taskOutputNames.map((name) => {
      const { $schema: _dialect, ...schema } = outputJsonSchema(name, 'en');
      return [name, schema];
    }),
  );
}

/** The OpenAPI document of the HTTP API, generated from the route table and the zod schemas that validate. */
export function openApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of apiRoutes) {
    const { request } = route;
    const operation: Record<string, unknown> = {
      operationId: route.name,
      summary: route.summary,
      description: `Who may call it: ${route.roles.join(', ')}.`,
      security: [{ bearer: [] }],
      responses: {
        [String(route.status ?? 200)]: { description: 'OK' },
        400: { description: 'Invalid input: every wrong field is named in error.fields' },
        401: { description: 'Missing or invalid token' },
        403: { description: 'Not allowed for this role' },
        404: { description: 'Unknown id, or not visible to the caller' },
        409: { description: 'The task is no longer open, or the cycle is not running' },
        422: { description: 'A valid body that breaks a rule of the template' },
      },
    };
    if (request.path) operation.requestParams = { path: request.path };
    if (request.query)
      operation.requestParams = { ...(operation.requestParams as object), query: request.query };
    if (request.body && 'raw' in request.body) {
      // A task's output: the schema its task names (the task's `output`), one of these.
      operation.requestBody = {
        description: `${request.body.raw}: the schema named by the task's \`output\` (${taskOutputNames.join(', ')})`,
        content: {
          'application/json': {
            schema: { oneOf: taskOutputNames.map((name) => ({ $ref: outputSchemaRef(name) })) },
          },
        },
      };
    } else if (request.body) {
      operation.requestBody = { content: { 'application/json': { schema: request.body } } };
    }
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation };
  }
  return createDocument({
    openapi: '3.1.0',
    info: { title: 'ROMACT engine API', version: '1.0.0' },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: outputSchemas() as never,
    },
    paths: paths as never,
  });
}
