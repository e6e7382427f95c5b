import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '#functions/routes.ts';
import type { ApiRoute } from '#functions/shared/api-route.ts';
import type { Role } from '#shared/domain/model/roles.ts';
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

const tableSnapshot = () => sharedSnapshot(env.runtime);

const municipalityBody = () => {
  const {
    municipalityId: _id,
    updatedAt: _at,
    version: _version,
    ...body
  } = municipalityFixture({ municipalityId: 'bg-own' });
  return body;
};

/** How to call a route against the own tenant's resources (the ids are known once the cycle runs). */
interface Fixture {
  path: () => string;
  body?: () => unknown;
  query?: Record<string, string>;
  /** A listing: other tenants get 200 and see nothing, instead of 404. */
  listing?: boolean;
  /** Roles the route admits but this resource refuses (the task is the municipality's, not theirs). */
  refusedByResource?: Role[];
  /** Routes that change what later ones read run later, in this order (reads are 0). */
  order?: number;
}

/**
 * One fixture per route of the route table: a route without one fails the first test, so a new route
 * cannot miss the matrix. The expected statuses come from the table's `roles`.
 */
const fixtures: Record<string, Fixture> = {
  'start-cycle': {
    path: () => '/cycles',
    body: () => ({ municipalityId: 'bg-own', clientToken: 'authz', parallel: true }),
    order: 4,
  },
  'list-cycles': { path: () => '/cycles', query: { municipalityId: 'bg-own' }, listing: true },
  'get-cycle': { path: () => `/cycles/${cycleId}` },
  'cancel-cycle': { path: () => `/cycles/${cycleId}/cancel`, body: () => ({ reason: 'Testing' }), order: 5 },
  'list-tasks': {
    path: () => '/tasks',
    query: { municipalityId: 'bg-own', assignee: 'municipality' },
    listing: true,
  },
  'get-task': { path: () => `/tasks/${taskId}` },
  'complete-task': {
    order: 2,
    path: () => `/tasks/${taskId}/complete`,
    body: () => outputs['needs-assessment'],
    refusedByResource: ['coordinator', 'cag'],
  },
  'extend-task': {
    order: 1,
    path: () => `/tasks/${taskId}/extend`,
    body: () => ({ dueAt: '2030-01-31', reason: 'Council elections' }),
  },
  'put-municipality': { path: () => '/municipalities/bg-own', body: municipalityBody, order: 3 },
  'get-municipality': { path: () => '/municipalities/bg-own' },
  'erase-contacts': { path: () => '/municipalities/bg-own/contacts', order: 6 },
  'get-calendar': { path: () => '/municipalities/bg-own/calendar.ics' },
};

/** The status a role must get from a route, from the route table and the fixture. */
function expected(route: ApiRoute, fixture: Fixture, role: RoleName): number {
  const claims = roles[role] as Claims;
  if (!route.roles.includes(claims.role as Role)) return 403;
  const ownTenant = !role.includes('other');
  if (!ownTenant) return fixture.listing ? 200 : 404;
  if (fixture.refusedByResource?.includes(claims.role as Role)) return 403;
  return route.status ?? 200;
}

const cases = [...apiRoutes]
  .sort((a, b) => (fixtures[a.name]?.order ?? 0) - (fixtures[b.name]?.order ?? 0))
  .flatMap((route) =>
    (Object.keys(roles) as RoleName[]).map((role) => {
      const fixture = fixtures[route.name] as Fixture;
      return {
        name: `${route.method} ${route.path}`,
        role,
        route,
        fixture,
        status: fixture ? expected(route, fixture, role) : 0,
      };
    }),
  );
const request = (fixture: Fixture, claims?: Claims) => ({
  ...(claims ? { claims } : {}),
  ...(fixture.body ? { body: fixture.body() } : {}),
  ...(fixture.query ? { query: fixture.query } : {}),
});

beforeAll(async () => {
  env = await testRuntime();
  await call('PUT', '/municipalities/bg-own', {
    claims: roles['coordinator (own country)'],
    body: municipalityBody(),
  });
  const other = municipalityFixture({ municipalityId: 'bg-other' });
  const { municipalityId: _id, updatedAt: _at, version: _version, ...otherBody } = other;
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
    const record = await env.ports.cycles.record(cycleId);
    return record?.audit.some((event) => event.type === 'task.opened');
  });
  await env.engine.settled();
});
afterAll(async () => {
  await env.runtime.close();
});

describe('Authorisation matrix, from the route table', () => {
  it('has a fixture for every route of the table', () => {
    expect(apiRoutes.filter((route) => !fixtures[route.name]).map((route) => route.name)).toEqual([]);
  });

  it('leaves nobody without a token through', async () => {
    for (const route of apiRoutes) {
      const fixture = fixtures[route.name] as Fixture;
      expect((await call(route.method, fixture.path(), request(fixture))).status, route.name).toBe(401);
    }
  });

  it.each(cases.filter((one) => one.status >= 400))(
    '$name as $role is refused with $status and writes nothing',
    async ({ route, fixture, role, status }) => {
      const before = await tableSnapshot();
      const response = await call(route.method, fixture.path(), request(fixture, roles[role]));
      expect(response.status).toBe(status);
      expect(response.body.error.code).toBeTruthy();
      expect(await tableSnapshot()).toBe(before);
    },
  );

  it.each(cases.filter((one) => one.status < 400))(
    '$name as $role is allowed ($status), and a listing shows only the caller’s tenant',
    async ({ route, fixture, role, status }) => {
      const response = await call(route.method, fixture.path(), request(fixture, roles[role]));
      expect(response.status, JSON.stringify(response.body)).toBe(status);
      if (fixture.listing) expect(response.body.items).toHaveLength(role.includes('other') ? 0 : 1);
    },
  );
});
