import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Claims, call, outputs } from '../../support/api.ts';
import {
  eventually,
  municipalityFixture,
  tableSnapshot as sharedSnapshot,
  testRuntime,
} from '../../support/runtime.ts';

/** Every route × every role × own/other tenant: the status, and nothing written on refusal. */

let env: Awaited<ReturnType<typeof testRuntime>>;
let cycleId: string;
let taskId: string;

const roles: Record<string, Claims> = {
  'coordinator (own country)': { role: 'coordinator', countries: 'BG' },
  'coordinator (other country)': { role: 'coordinator', countries: 'IT' },
  'municipality (own)': { role: 'municipality', municipality: 'bg-own' },
  'municipality (other)': { role: 'municipality', municipality: 'bg-other' },
  'cag (own)': { role: 'cag', municipality: 'bg-own' },
  'cag (other)': { role: 'cag', municipality: 'bg-other' },
};
type RoleName = keyof typeof roles;

const tableSnapshot = () => sharedSnapshot(env.store);

const municipalityBody = () => {
  const { municipalityId: _id, updatedAt: _at, ...body } = municipalityFixture({ municipalityId: 'bg-own' });
  return body;
};

interface Route {
  name: string;
  method: string;
  path: () => string;
  body?: () => unknown;
  query?: Record<string, string>;
  /** Expected status per role; a visible count for listings. */
  expect: Record<RoleName, number>;
  /** For listings: how many items each role sees. */
  visible?: Partial<Record<RoleName, number>>;
}

const own = { 'coordinator (own country)': 200, 'municipality (own)': 200, 'cag (own)': 200 };
const hidden = { 'coordinator (other country)': 404, 'municipality (other)': 404, 'cag (other)': 404 };

const routes: Route[] = [
  {
    name: 'GET /cycles',
    method: 'GET',
    path: () => '/cycles',
    query: { municipalityId: 'bg-own' },
    expect: { ...own, 'coordinator (other country)': 200, 'municipality (other)': 200, 'cag (other)': 200 },
    visible: {
      'coordinator (own country)': 1,
      'coordinator (other country)': 0,
      'municipality (own)': 1,
      'municipality (other)': 0,
      'cag (own)': 1,
      'cag (other)': 0,
    },
  },
  {
    name: 'GET /cycles/{id}',
    method: 'GET',
    path: () => `/cycles/${cycleId}`,
    expect: { ...own, ...hidden },
  },
  {
    name: 'GET /tasks',
    method: 'GET',
    path: () => '/tasks',
    query: { municipalityId: 'bg-own', assignee: 'municipality' },
    expect: { ...own, 'coordinator (other country)': 200, 'municipality (other)': 200, 'cag (other)': 200 },
    visible: {
      'coordinator (own country)': 1,
      'coordinator (other country)': 0,
      'municipality (own)': 1,
      'municipality (other)': 0,
      'cag (own)': 1,
      'cag (other)': 0,
    },
  },
  { name: 'GET /tasks/{id}', method: 'GET', path: () => `/tasks/${taskId}`, expect: { ...own, ...hidden } },
  {
    name: 'GET /municipalities/{id}',
    method: 'GET',
    path: () => '/municipalities/bg-own',
    expect: { ...own, ...hidden },
  },
  {
    name: 'PUT /municipalities/{id}',
    method: 'PUT',
    path: () => '/municipalities/bg-own',
    body: municipalityBody,
    expect: { 'coordinator (own country)': 200, 'municipality (own)': 403, 'cag (own)': 403, ...hidden },
  },
  {
    name: 'POST /tasks/{id}/extend',
    method: 'POST',
    path: () => `/tasks/${taskId}/extend`,
    body: () => ({ dueAt: '2030-01-31', reason: 'Council elections' }),
    expect: { 'coordinator (own country)': 200, 'municipality (own)': 403, 'cag (own)': 403, ...hidden },
  },
  {
    name: 'POST /tasks/{id}/complete',
    method: 'POST',
    path: () => `/tasks/${taskId}/complete`,
    body: () => outputs['needs-assessment'],
    expect: { 'coordinator (own country)': 403, 'municipality (own)': 200, 'cag (own)': 403, ...hidden },
  },
  {
    name: 'POST /cycles',
    method: 'POST',
    path: () => '/cycles',
    body: () => ({ municipalityId: 'bg-own', clientToken: 'authz' }),
    expect: {
      'coordinator (own country)': 201,
      'municipality (own)': 403,
      'cag (own)': 403,
      'coordinator (other country)': 404,
      'municipality (other)': 403,
      'cag (other)': 403,
    },
  },
  {
    name: 'POST /cycles/{id}/cancel',
    method: 'POST',
    path: () => `/cycles/${cycleId}/cancel`,
    body: () => ({ reason: 'Testing' }),
    expect: { 'coordinator (own country)': 200, 'municipality (own)': 403, 'cag (own)': 403, ...hidden },
  },
  {
    name: 'DELETE /municipalities/{id}/contacts',
    method: 'DELETE',
    path: () => '/municipalities/bg-own/contacts',
    expect: { 'coordinator (own country)': 200, 'municipality (own)': 200, 'cag (own)': 403, ...hidden },
  },
];

beforeAll(async () => {
  env = await testRuntime();
  await call('PUT', '/municipalities/bg-own', {
    claims: roles['coordinator (own country)'],
    body: municipalityBody(),
  });
  const other = municipalityFixture({ municipalityId: 'bg-other' });
  const { municipalityId: _id, updatedAt: _at, ...otherBody } = other;
  await call('PUT', '/municipalities/bg-other', {
    claims: roles['coordinator (own country)'],
    body: otherBody,
  });
  cycleId = (
    await call('POST', '/cycles', {
      claims: roles['coordinator (own country)'],
      body: { municipalityId: 'bg-own' },
    })
  ).body.cycleId;
  taskId = await eventually(
    async () =>
      (await call('GET', '/tasks', { claims: roles['municipality (own)'] })).body.items?.[0]?.taskId,
  );
  // The workflow is parked on the task once its opening is in the audit trail: nothing moves after that.
  await eventually(async () => {
    const record = await env.store.getCycleRecord(cycleId);
    return record?.audit.some((event) => event.type === 'task.opened');
  });
  await env.engine.settled();
});
afterAll(async () => {
  await env.runtime.close();
});

const refusals = routes.flatMap((route) =>
  (Object.keys(roles) as RoleName[])
    .filter((role) => (route.expect[role] ?? 0) >= 400)
    .map((role) => [route.name, role, route] as const),
);
const permitted = routes.flatMap((route) =>
  (Object.keys(roles) as RoleName[])
    .filter((role) => (route.expect[role] ?? 0) < 400)
    .map((role) => [route.name, role, route] as const),
);

describe('Authorisation matrix', () => {
  it('leaves nobody without a token through', async () => {
    for (const route of routes) {
      expect(
        (await call(route.method, route.path(), { ...(route.body ? { body: route.body() } : {}) })).status,
        route.name,
      ).toBe(401);
    }
  });

  it.each(refusals)('%s as %s is refused and writes nothing', async (_name, role, route) => {
    const before = await tableSnapshot();
    const response = await call(route.method, route.path(), {
      claims: roles[role] as Claims,
      ...(route.body ? { body: route.body() } : {}),
      ...(route.query ? { query: route.query } : {}),
    });
    expect(response.status).toBe(route.expect[role]);
    expect(response.body.error.code).toBeTruthy();
    expect(await tableSnapshot()).toBe(before);
  });

  it.each(permitted)(
    '%s as %s is allowed (and listings show only the caller’s tenant)',
    async (_name, role, route) => {
      const response = await call(route.method, route.path(), {
        claims: roles[role] as Claims,
        ...(route.body ? { body: route.body() } : {}),
        ...(route.query ? { query: route.query } : {}),
      });
      expect(response.status, JSON.stringify(response.body)).toBe(route.expect[role]);
      const visible = route.visible?.[role];
      if (visible !== undefined) expect(response.body.items).toHaveLength(visible);
    },
  );
});
