import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '#functions/routes.ts';
import type { ApiRoute } from '#functions/shared/api-route.ts';
import { claimsFor } from '#shared/domain/model/claims.ts';
import type { Role } from '#shared/domain/model/roles.ts';
import { shortCodeOf } from '#shared/domain/ops/notify-tasks.ts';
import { type Claims, call, outputs } from '../../support/api.ts';
import {
  bodyMutations,
  declaredPaths,
  type Json,
  MALFORMED_BODIES,
  type Mutation,
} from '../../support/bad-input.ts';
import {
  eventually,
  municipalityBody,
  parkedOn,
  tableSnapshot as sharedSnapshot,
  testRuntime,
} from '../../support/runtime.ts';

/**
 * The bad-input and race sweep: every route of the route table, with its path parameters, query and body,
 * sent what no client should send (malformed JSON, wrong types at every field, unknown and prototype keys,
 * oversized strings and arrays, far dates and durations, bad ids and cursors, wrong roles and tenants), and the
 * races people cause (parallel extends, completions, cancels, creations, starts). The bar: no 5xx at all; a
 * 400 or 422 names the field; a refused request writes nothing; the lists read after every attack.
 */

let env: Awaited<ReturnType<typeof testRuntime>>;
const tableSnapshot = () => sharedSnapshot(env.runtime);

/** The setup's own token: a script coordinator of BG and IT (no person). */
const admin: Claims = { role: 'coordinator', countries: 'BG,IT' };
const people = {
  coordinatorBG: { role: 'coordinator', countries: ['BG'], email: 'sweep-coord-bg@example.org' },
  coordinatorIT: { role: 'coordinator', countries: ['IT'], email: 'sweep-coord-it@example.org' },
  staffBG: { role: 'municipality', municipalityId: 'bg-sweep', email: 'sweep-staff-bg@example.org' },
  cagBG: { role: 'cag', municipalityId: 'bg-sweep', phone: '+359888200001' },
  staffIT: { role: 'municipality', municipalityId: 'it-sweep', email: 'sweep-staff-it@example.org' },
  cagIT: { role: 'cag', municipalityId: 'it-sweep', phone: '+390612345678' },
} as const;
type Person = keyof typeof people;
const as = {} as Record<Person, Claims>;
const ids = {} as {
  cycleBG: string;
  cycleIT: string;
  taskBG: string;
  taskIT: string;
  userCagBG: string;
  membershipCagBG: string;
  calendarToken: string;
  cursorIT: string;
  taskCursorIT: string;
};

/** What the sweep saw: every answer by status, and what broke the bar. */
const report = { sent: 0, statuses: new Map<number, number>(), serverErrors: [] as string[] };

type Options = NonNullable<Parameters<typeof call>[2]>;

/** Sends a request and counts its answer. */
async function send(method: string, path: string, options: Options = {}) {
  const response = await call(method, path, options);
  report.sent += 1;
  report.statuses.set(response.status, (report.statuses.get(response.status) ?? 0) + 1);
  if (response.status >= 500) {
    report.serverErrors.push(
      `${method} ${path.slice(0, 120)} ${JSON.stringify(options.query ?? {}).slice(0, 120)} ${(options.rawBody ?? JSON.stringify(options.body ?? '')).slice(0, 160)}`,
    );
  }
  return response;
}

/** The problems of one answer to a request that must be refused. */
function refusalProblems(
  label: string,
  response: Awaited<ReturnType<typeof call>>,
  expected: { path?: string | undefined; statuses?: readonly number[] },
): string[] {
  const { status } = response;
  if (status >= 500) return [`${label}: ${status}`];
  if (status < 400) return [`${label}: accepted (${status})`];
  if (expected.statuses && !expected.statuses.includes(status))
    return [`${label}: ${status}, expected ${expected.statuses.join(' or ')}`];
  const fields: { path: string; message: string }[] = response.body?.error?.fields ?? [];
  if (!response.body?.error?.code) return [`${label}: ${status} without an error body`];
  if ((status === 400 || status === 422) && fields.length === 0)
    return [`${label}: ${status} names no field`];
  if (
    expected.path &&
    (status === 400 || status === 422) &&
    !fields.some((field) => field.path === expected.path || field.path.startsWith(`${expected.path}.`))
  ) {
    return [
      `${label}: ${status} names ${fields.map((field) => field.path).join(', ')}, not ${expected.path}`,
    ];
  }
  if (fields.some((field) => !field.message)) return [`${label}: a field without a message`];
  return [];
}

/** Every list and view a person relies on still reads. */
async function listsStillRead(): Promise<string[]> {
  const reads: [string, string, Options][] = [
    ['GET', '/cycles', { claims: as.coordinatorBG }],
    ['GET', '/cycles', { claims: as.staffBG }],
    ['GET', '/tasks', { claims: as.staffBG }],
    ['GET', '/tasks', { claims: as.cagBG }],
    ['GET', '/tasks', { claims: as.coordinatorBG }],
    ['GET', '/tasks', { claims: as.coordinatorBG, query: { scope: 'portfolio' } }],
    ['GET', '/tasks', { claims: admin, query: { scope: 'portfolio', overdue: 'true' } }],
    ['GET', `/cycles/${ids.cycleBG}`, { claims: as.staffBG }],
    ['GET', '/municipalities/bg-sweep', { claims: as.coordinatorBG }],
    ['GET', '/municipalities/bg-sweep/calendar.ics', { claims: as.cagBG }],
    ['GET', '/municipalities/bg-sweep/members', { claims: as.staffBG }],
    ['GET', '/notifications', { claims: as.staffBG }],
    ['GET', '/notifications', { claims: as.coordinatorBG, query: { undeliverable: 'true' } }],
    ['GET', '/me', { claims: as.cagBG }],
  ];
  const problems: string[] = [];
  for (const [method, path, options] of reads) {
    const response = await send(method, path, options);
    if (response.status !== 200)
      problems.push(`after the attack, ${method} ${path} answers ${response.status}`);
  }
  return problems;
}

/** A valid request of each route with a body: who sends it, where, and the body (with every field given). */
interface BodyFixture {
  claims: () => Claims | undefined;
  path: () => string;
  body: () => Json;
  /** Paths of records (free keys: dates, due overrides), where another key is not "unknown". */
  records?: string[];
}

const bodyFixtures: Record<string, BodyFixture> = {
  'start-cycle': {
    claims: () => as.coordinatorBG,
    path: () => '/cycles',
    body: () => ({
      municipalityId: 'bg-sweep',
      templateId: 'romact',
      dates: { fundingCallClosesAt: '2027-09-30' },
      dueOverrides: { 'needs-assessment': 'P30D' },
      clientToken: 'sweep-start',
      parallel: false,
    }),
    records: ['dates', 'dueOverrides'],
  },
  'cancel-cycle': {
    claims: () => as.coordinatorBG,
    path: () => `/cycles/${ids.cycleBG}/cancel`,
    body: () => ({ reason: 'Sweep' }),
  },
  'complete-task': {
    claims: () => as.cagBG,
    path: () => `/tasks/${ids.taskBG}/complete`,
    body: () => outputs['community-consultation'] as unknown as Json,
  },
  'extend-task': {
    claims: () => as.coordinatorBG,
    path: () => `/tasks/${ids.taskBG}/extend`,
    body: () => ({ dueAt: '2027-06-30', reason: 'Elections', shorten: false }),
  },
  'put-municipality': {
    claims: () => as.coordinatorBG,
    path: () => '/municipalities/bg-sweep',
    body: () =>
      municipalityBody({
        municipalityId: 'bg-sweep',
        contacts: {
          municipality: [
            { name: 'Staff', email: 'staff@sweep.example', phone: '+359888200098', locale: 'bg' },
          ],
          cag: [{ name: 'CAG', email: 'cag@sweep.example', phone: '+359888200099', locale: 'bg' }],
          coordinator: [
            { name: 'Coordinator', email: 'coord@sweep.example', phone: '+359888200097', locale: 'en' },
          ],
        },
      }) as unknown as Json,
  },
  'auth-start': {
    claims: () => undefined,
    path: () => '/auth/start',
    body: () => ({ channel: 'email', address: 'nobody@sweep.example' }),
  },
  'auth-verify': {
    claims: () => undefined,
    path: () => '/auth/verify',
    body: () => ({
      channel: 'email',
      address: 'nobody@sweep.example',
      code: '123456',
      membershipId: 'mbr-00000000000000000000',
    }),
  },
  'auth-refresh': {
    claims: () => undefined,
    path: () => '/auth/refresh',
    body: () => ({ refreshToken: 'not-a-token', membershipId: 'mbr-00000000000000000000' }),
  },
  'auth-logout': {
    claims: () => undefined,
    path: () => '/auth/logout',
    body: () => ({ refreshToken: 'not-a-token' }),
  },
  'update-me': {
    claims: () => as.cagBG,
    path: () => '/me',
    body: () => ({
      displayName: 'CAG member',
      locale: 'bg',
      timeZone: 'Europe/Sofia',
      preferences: { channels: ['sms'], quietHours: { start: '22:00', end: '07:00' } },
    }),
  },
  'invite-member': {
    claims: () => as.staffBG,
    path: () => '/municipalities/bg-sweep/invitations',
    body: () => ({
      role: 'cag',
      displayName: 'Invited',
      locale: 'bg',
      timeZone: 'Europe/Sofia',
      channel: 'sms',
      address: '+359888200055',
    }),
  },
  'create-user': {
    claims: () => as.coordinatorBG,
    path: () => '/users',
    body: () => ({
      displayName: 'Created',
      locale: 'bg',
      timeZone: 'Europe/Sofia',
      email: 'created@sweep.example',
      phone: '+359888200066',
      role: 'coordinator',
      countries: ['BG'],
      municipalityId: 'bg-sweep',
    }),
  },
  'complete-on-behalf': {
    claims: () => as.staffBG,
    path: () => `/tasks/${ids.taskBG}/complete-on-behalf`,
    body: () => ({
      output: outputs['community-consultation'] as unknown as Json,
      onBehalfOf: [ids.userCagBG],
      consent: { method: 'verbal', givenOn: '2027-01-04', reference: 'Minutes 1' },
    }),
  },
  'object-to-entry': {
    claims: () => as.cagBG,
    path: () => `/tasks/${ids.taskBG}/object`,
    body: () => ({ reason: 'Not what we said' }),
  },
};

/** Where each path parameter of a route points when the request is valid. */
function validPath(route: ApiRoute): string {
  return route.path
    .replace('/cycles/{id}', `/cycles/${ids.cycleBG}`)
    .replace('/tasks/{id}', `/tasks/${ids.taskBG}`)
    .replace('/municipalities/{id}', '/municipalities/bg-sweep')
    .replace('/users/{id}', `/users/${ids.userCagBG}`)
    .replace('/templates/{id}', '/templates/romact')
    .replace('/links/{code}', `/links/${shortCodeOf(ids.taskBG)}`)
    .replace('/calendar/{token}', `/calendar/${ids.calendarToken}`)
    .replace('{membershipId}', ids.membershipCagBG);
}

/** A person the route admits, for its own tenant. */
function allowedCaller(route: ApiRoute): Claims | undefined {
  if (route.auth === 'none') return undefined;
  if (route.roles.includes('coordinator')) return as.coordinatorBG;
  if (route.roles.includes('municipality')) return as.staffBG;
  return as.cagBG;
}

const bodyRoutes = () => apiRoutes.filter((route) => route.request.body !== undefined);

/** A person with one membership, made through the API, and their claims. */
async function person(entry: (typeof people)[Person], name: string) {
  const created = await call('POST', '/users', {
    claims: admin,
    body: {
      displayName: name,
      role: entry.role,
      ...('countries' in entry ? { countries: entry.countries } : { municipalityId: entry.municipalityId }),
      ...('email' in entry ? { email: entry.email } : { phone: entry.phone }),
    },
  });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return {
    claims: { ...claimsFor(created.body.user, created.body.membership), sid: 'ses-sweep' } as Claims,
    userId: created.body.user.userId as string,
    membershipId: created.body.membership.membershipId as string,
  };
}

beforeAll(async () => {
  env = await testRuntime();
  for (const [id, country, locale, timeZone] of [
    ['bg-sweep', 'BG', 'bg', 'Europe/Sofia'],
    ['it-sweep', 'IT', 'it', 'Europe/Rome'],
  ] as const) {
    const { contacts: _contacts, ...body } = municipalityBody({
      municipalityId: id,
      country,
      locale,
      timeZone,
    });
    expect((await call('PUT', `/municipalities/${id}`, { claims: admin, body })).status).toBe(200);
  }
  for (const [name, entry] of Object.entries(people) as [Person, (typeof people)[Person]][]) {
    const made = await person(entry, name);
    as[name] = made.claims;
    if (name === 'cagBG') {
      ids.userCagBG = made.userId;
      ids.membershipCagBG = made.membershipId;
    }
  }
  ids.calendarToken = /\/calendar\/([^/]+)\.ics$/.exec(
    (await call('GET', '/me/calendar', { claims: as.cagBG })).body.url,
  )?.[1] as string;
  for (const [key, municipalityId, coordinator, staff] of [
    ['BG', 'bg-sweep', 'coordinatorBG', 'staffBG'],
    ['IT', 'it-sweep', 'coordinatorIT', 'staffIT'],
  ] as const) {
    const started = await call('POST', '/cycles', {
      claims: as[coordinator],
      body: { municipalityId, clientToken: `sweep-${key}` },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    ids[`cycle${key}`] = started.body.cycleId;
    ids[`task${key}`] = await eventually(
      async () => (await call('GET', '/tasks', { claims: as[staff] })).body.items?.[0]?.taskId,
    );
    await parkedOn(env.ports, started.body.cycleId, 'needs-assessment', env.engine);
  }
  // Bulgaria's cycle moves on to the CAG's consultation, so the completion routes (the CAG's own and the
  // assisted entry by staff) meet a task their caller may complete and judge the body, not the caller.
  const assessed = await call('POST', `/tasks/${ids.taskBG}/complete`, {
    claims: as.staffBG,
    body: outputs['needs-assessment'],
  });
  expect(assessed.status, JSON.stringify(assessed.body)).toBe(200);
  await parkedOn(env.ports, ids.cycleBG, 'community-consultation', env.engine);
  ids.taskBG = await eventually(
    async () => (await call('GET', '/tasks', { claims: as.cagBG })).body.items?.[0]?.taskId,
  );
  // A second cycle in Italy, so Italy's lists have a second page and a cursor to steal.
  const second = await call('POST', '/cycles', {
    claims: as.coordinatorIT,
    body: { municipalityId: 'it-sweep', templateId: 'critical-friend', clientToken: 'sweep-IT-2' },
  });
  expect(second.status, JSON.stringify(second.body)).toBe(201);
  await eventually(async () =>
    (await env.ports.cycles.record(second.body.cycleId))?.audit.some((e) => e.type === 'task.opened'),
  );
  await env.engine.settled();
  ids.cursorIT = (
    await call('GET', '/cycles', { claims: as.coordinatorIT, query: { limit: '1' } })
  ).body.nextCursor;
  ids.taskCursorIT = (
    await call('GET', '/tasks', { claims: as.coordinatorIT, query: { scope: 'portfolio', limit: '1' } })
  ).body.nextCursor;
  expect(ids.cursorIT).toBeTruthy();
  expect(ids.taskCursorIT).toBeTruthy();
}, 120_000);

afterAll(async () => {
  // The figure the issue asks for, printed for the report.
  const statuses = [...report.statuses.entries()].sort(([a], [b]) => a - b);
  console.log(
    `bad-input sweep: ${report.sent} requests, ${report.serverErrors.length} answered 5xx; by status ${statuses
      .map(([status, count]) => `${status}×${count}`)
      .join(' ')}${report.serverErrors.length ? `\n${report.serverErrors.join('\n')}` : ''}`,
  );
  await env?.runtime.close();
});

/** Sends a batch of requests that must all be refused, and checks that nothing was written and the lists read. */
async function refusedBatch(
  requests: {
    label: string;
    method: string;
    path: string;
    options: Options;
    path_?: string;
    statuses?: number[];
  }[],
): Promise<string[]> {
  const before = await tableSnapshot();
  const problems: string[] = [];
  for (const request of requests) {
    const response = await send(request.method, request.path, request.options);
    problems.push(
      ...refusalProblems(request.label, response, { path: request.path_, statuses: request.statuses }),
    );
  }
  await env.engine.settled();
  if ((await tableSnapshot()) !== before) problems.push(`a refused request of this batch wrote to the table`);
  problems.push(...(await listsStillRead()));
  return problems;
}

describe('Bad-input sweep over the route table', () => {
  it('has a valid fixture, with every declared field, for every route that takes a body', () => {
    const missing = bodyRoutes()
      .filter((route) => !bodyFixtures[route.name])
      .map((route) => route.name);
    expect(missing).toEqual([]);
    const ungiven = bodyRoutes().flatMap((route) => {
      const schema = route.request.body;
      if (!schema || 'raw' in schema) return [];
      const body = (bodyFixtures[route.name] as BodyFixture).body();
      const given = new Set(
        (function walk(value: Json, path: string[]): string[] {
          if (value === null || typeof value !== 'object') return [path.join('.')];
          const entries = Array.isArray(value)
            ? value.slice(0, 1).map((child) => ['0', child] as const)
            : Object.entries(value);
          return [path.join('.'), ...entries.flatMap(([key, child]) => walk(child, [...path, String(key)]))];
        })(body, []),
      );
      const records = bodyFixtures[route.name]?.records ?? [];
      return declaredPaths(schema)
        .paths.filter((path) => !records.some((record) => path.startsWith(`${record}.`)))
        .filter((path) => !given.has(path))
        .map((path) => `${route.name}: ${path}`);
    });
    // A discriminated union's other branch (an email invitation) shares its fields with the branch given.
    expect(ungiven.filter((entry) => !/\.(address|channel)$/.test(entry))).toEqual([]);
  });

  it.each(bodyRoutes().map((route) => [route.name, route] as const))(
    '%s: malformed JSON and bodies that are not objects → 400 at (body), or 413',
    async (_name, route) => {
      const fixture = bodyFixtures[route.name] as BodyFixture;
      const problems = await refusedBatch(
        MALFORMED_BODIES.map((malformed) => ({
          label: `${route.name}: ${malformed.label}`,
          method: route.method,
          path: fixture.path(),
          options: { ...(fixture.claims() ? { claims: fixture.claims() } : {}), rawBody: malformed.text },
          ...(malformed.status ? { statuses: [malformed.status] } : { statuses: [400], path_: '(body)' }),
        })),
      );
      expect(problems).toEqual([]);
    },
  );

  it.each(bodyRoutes().map((route) => [route.name, route] as const))(
    '%s: every field of a valid body made wrong in turn → 4xx naming it',
    async (_name, route) => {
      const fixture = bodyFixtures[route.name] as BodyFixture;
      const schema = route.request.body;
      const nullablePaths = schema && !('raw' in schema) ? declaredPaths(schema).nullable : [];
      const mutations: Mutation[] = bodyMutations(fixture.body(), {
        recordPaths: fixture.records ?? [],
        nullablePaths,
      });
      const problems = await refusedBatch(
        mutations.map((mutation) => ({
          label: `${route.name}: ${mutation.label}`,
          method: route.method,
          path: fixture.path(),
          options: { ...(fixture.claims() ? { claims: fixture.claims() } : {}), rawBody: mutation.text },
          // The caller may act here, so a refusal must be about the body, not about who sends it.
          statuses: [400, 413, 422],
          ...(mutation.path ? { path_: mutation.path } : {}),
        })),
      );
      expect(problems).toEqual([]);
    },
  );
});
