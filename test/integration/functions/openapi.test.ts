import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { openApiDocument } from '#functions/openapi.ts';
import { apiRoutes } from '#functions/routes.ts';
import { localDate } from '#shared/domain/model/dates.ts';
import { exampleOf, type JsonSchema } from '#shared/domain/model/output-json-schema.ts';
import { taskOutputNames, taskOutputs } from '#shared/domain/model/task-outputs.ts';
import { call, coordinatorBG, municipalityOf } from '../../support/api.ts';
import { eventually, municipalityFixture, testRuntime } from '../../support/runtime.ts';

/** The OpenAPI document against the route table and the schemas that validate: what it shows is what is checked. */

let env: Awaited<ReturnType<typeof testRuntime>>;
let taskId: string;
const document = openApiDocument('http://127.0.0.1:3000') as unknown as {
  paths: Record<string, Record<string, { operationId: string; requestBody?: any }>>;
  components: { schemas: Record<string, JsonSchema> };
};

/** A schema without the words for people: what it says about validity. */
function structure(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(structure);
  if (schema === null || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key]) => !['title', 'description', 'examples', '$schema'].includes(key))
      .map(([key, value]) => [
        key,
        key === 'properties'
          ? Object.fromEntries(Object.entries(value as object).map(([name, one]) => [name, structure(one)]))
          : structure(value),
      ]),
  );
}

beforeAll(async () => {
  env = await testRuntime();
  const { municipalityId: _id, updatedAt: _at, version: _version, ...body } = municipalityFixture();
  await call('PUT', '/municipalities/bg-stolipinovo', { claims: coordinatorBG, body });
  await call('POST', '/cycles', { claims: coordinatorBG, body: { municipalityId: 'bg-stolipinovo' } });
  taskId = await eventually(
    async () =>
      (await call('GET', '/tasks', { claims: municipalityOf('bg-stolipinovo') })).body.items?.[0]?.taskId,
  );
});
afterAll(async () => {
  await env.runtime.close();
});

describe('The OpenAPI document', () => {
  it('has every route of the route table, under its method and path', () => {
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(
        ([method, operation]) => `${method.toUpperCase()} ${path} ${operation.operationId}`,
      ),
    );
    expect(documented.sort()).toEqual(
      apiRoutes.map((route) => `${route.method} ${route.path} ${route.name}`).sort(),
    );
  });

  it('shows a completion as one of the task output schemas, each as the zod schema that validates it', () => {
    const body = document.paths['/tasks/{id}/complete']?.post?.requestBody;
    expect(body.content['application/json'].schema.oneOf).toEqual(
      taskOutputNames.map((name) => ({ $ref: `#/components/schemas/${name}` })),
    );
    for (const name of taskOutputNames) {
      expect(structure(document.components.schemas[name]), name).toEqual(
        structure(z.toJSONSchema(taskOutputs[name].schema, { target: 'draft-2020-12' })),
      );
      expect(document.components.schemas[name]?.title, name).toEqual(expect.any(String));
    }
  });

  it('is what the API checks: each required field of the shown schema is required, no other field is taken, and its example completes the task', async () => {
    const schema = document.components.schemas['needs-assessment'] as JsonSchema;
    const example = exampleOf(schema, localDate(env.clock.now(), 'Europe/Sofia')) as Record<string, unknown>;
    const complete = (body: unknown) =>
      call('POST', `/tasks/${taskId}/complete`, { claims: municipalityOf('bg-stolipinovo'), body });

    for (const field of schema.required as string[]) {
      const { [field]: _left, ...without } = example;
      const refused = await complete(without);
      expect(refused.status, field).toBe(400);
      expect(refused.body.error.fields).toEqual([expect.objectContaining({ path: field })]);
    }
    const extra = await complete({ ...example, notInTheSchema: true });
    expect(extra.status).toBe(400);
    expect(extra.body.error.fields).toEqual([{ path: 'notInTheSchema', message: 'is not a known field' }]);

    const done = await complete(example);
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    expect(done.body.status).toBe('COMPLETED');
  });

  it('matches what GET /templates/{id} serves in every language, apart from the words', async () => {
    for (const locale of ['en', 'bg', 'sk']) {
      const served = await call('GET', '/templates/romact', {
        claims: municipalityOf('bg-stolipinovo'),
        query: { locale },
      });
      expect(served.status).toBe(200);
      for (const [name, output] of Object.entries(
        served.body.outputs as Record<string, { schema: JsonSchema }>,
      ))
        expect(structure(output.schema), `${locale} ${name}`).toEqual(
          structure(document.components.schemas[name]),
        );
    }
  });

  it('refuses a language the engine does not speak, naming the parameter', async () => {
    const refused = await call('GET', '/templates/romact', {
      claims: coordinatorBG,
      query: { locale: 'de' },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual([expect.objectContaining({ path: 'query.locale' })]);
    const unknown = await call('GET', '/templates/nope', { claims: coordinatorBG });
    expect(unknown.status).toBe(404);
  });
});
