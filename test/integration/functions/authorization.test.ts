import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiRoutes } from '#functions/routes.ts';
import type { ApiRoute } from '#functions/shared/api-route.ts';
import { claimsFor } from '#shared/domain/model/claims.ts';
import type { Role } from '#shared/domain/model/roles.ts';
import { shortCodeOf } from '#shared/domain/ops/notify-tasks.ts';
import { type Claims, call, outputs } from '../../support/api.ts';
import { attachmentFixture, commentFixture } from '../../support/fixtures.ts';
import {
  eventually,
  municipalityBody,
  tableSnapshot as sharedSnapshot,
  testRuntime,
} from '../../support/runtime.ts';

/**
 * Every route of the route table × every kind of person × their own or another tenant: the status, and nothing
 * written on refusal. People sign in as persons with memberships (a script token is for local automation only).
 */

let env: Awaited<ReturnType<typeof testRuntime>>;
let cycleId: string;
let taskId: string;
const erasable = {} as Record<RoleName, string>;
const removable = {} as Record<RoleName, string>;

/** The setup's own token: a script coordinator of BG and IT (no person). */
const admin: Claims = { role: 'coordinator', countries: 'BG,IT' };

const people = {
  'coordinator (own country)': { role: 'coordinator', countries: ['BG'], email: 'coord-bg@example.org' },
  'coordinator (other country)': { role: 'coordinator', countries: ['IT'], email: 'coord-it@example.org' },
  'municipality (own)': { role: 'municipality', municipalityId: 'bg-own', email: 'staff@own.example' },
  'municipality (other)': { role: 'municipality', municipalityId: 'bg-other', email: 'staff@other.example' },
  'cag (own)': { role: 'cag', municipalityId: 'bg-own', phone: '+359888100001' },
  'cag (other)': { role: 'cag', municipalityId: 'bg-other', phone: '+359888100002' },
} as const;
type RoleName = keyof typeof people;
const roles = {} as Record<RoleName, Claims>;

const tableSnapshot = () => sharedSnapshot(env.runtime);

/** How to call a route against the own tenant's resources (the ids are known once the cycle runs). */
interface Fixture {
  path: (role: RoleName) => string;
  body?: () => unknown;
  query?: Record<string, string>;
  /** A listing: other tenants get 200 and see nothing, instead of 404. */
  listing?: boolean;
  /** About the caller themselves (their profile, their messages): there is no other tenant. */
  self?: boolean;
  /** Roles the route admits but this resource refuses (the task is the municipality's, not theirs). */
  refusedByResource?: Role[];
  /** Routes that change what later ones read run later, in this order (reads are 0). */
  order?: number;
  /** The status when allowed, if not the route's. */
  status?: number;
}

/**
 * One fixture per route of the route table: a route without one fails the first test, so a new route cannot
 * miss the matrix. The expected statuses come from the table's `roles`. Public routes (no token) are tested
 * with the sign-in flows.
 */
const fixtures: Record<string, Fixture> = {
  'start-cycle': {
    path: () => '/cycles',
    body: () => ({ municipalityId: 'bg-own', clientToken: 'authz', parallel: true }),
    order: 4,
  },
  'list-cycles': { path: () => '/cycles', query: { municipalityId: 'bg-own' }, listing: true },
  'get-cycle': { path: () => `/cycles/${cycleId}` },
  'get-cycle-results': { path: () => `/cycles/${cycleId}/results` },
  // Coordinators only; one of another country sees none of bg-own.
  'list-portfolio': { path: () => '/portfolio', query: { municipalityId: 'bg-own' }, listing: true },
  'cancel-cycle': { path: () => `/cycles/${cycleId}/cancel`, body: () => ({ reason: 'Testing' }), order: 5 },
  'list-tasks': {
    path: () => '/tasks',
    query: { municipalityId: 'bg-own', assignee: 'municipality' },
    listing: true,
  },
  'get-task': { path: () => `/tasks/${taskId}` },
  'resolve-link': { path: () => `/links/${shortCodeOf(taskId)}` },
  'complete-task': {
    path: () => `/tasks/${taskId}/complete`,
    body: () => outputs['needs-assessment'],
    refusedByResource: ['coordinator', 'cag'],
    order: 2,
  },
  'extend-task': {
    path: () => `/tasks/${taskId}/extend`,
    body: () => ({ dueAt: '2030-01-31', reason: 'Council elections' }),
    order: 1,
  },
  'put-municipality': {
    path: () => '/municipalities/bg-own',
    body: () => municipalityBody({ municipalityId: 'bg-own' }),
    order: 3,
  },
  'get-municipality': { path: () => '/municipalities/bg-own' },
  'erase-contacts': { path: () => '/municipalities/bg-own/contacts', order: 6 },
  'get-calendar': { path: () => '/municipalities/bg-own/calendar.ics' },
  'list-members': { path: () => '/municipalities/bg-own/members' },
  'invite-member': {
    path: () => '/municipalities/bg-own/invitations',
    body: () => ({ role: 'cag', displayName: 'Invited member', channel: 'sms', address: '+359888100099' }),
    order: 3,
  },
  'remove-member': {
    // Each person who may remove a member removes one of their own.
    path: (role) =>
      `/municipalities/bg-own/members/${removable[role] ?? removable['coordinator (own country)']}`,
    refusedByResource: [],
    order: 7,
    status: 204,
  },
  'create-user': {
    path: () => '/users',
    body: () => ({
      displayName: 'Created member',
      role: 'cag',
      municipalityId: 'bg-own',
      phone: '+359888100077',
    }),
    order: 3,
  },
  // Each person tries to erase a CAG member of bg-own of their own (the first who may succeeds).
  'erase-user': {
    path: (role) => `/users/${erasable[role]}`,
    refusedByResource: ['municipality', 'cag'],
    order: 8,
  },
  // The open task is the municipality's: an entry on the CAG's behalf is refused by the rule (422), after the
  // role and the tenant were checked; an objection finds no entry to object to (409).
  'complete-on-behalf': {
    path: () => `/tasks/${taskId}/complete-on-behalf`,
    body: () => ({
      output: outputs['needs-assessment'],
      onBehalfOf: ['usr-nobody'],
      consent: { method: 'verbal', givenOn: '2027-01-04' },
    }),
    status: 422,
  },
  'object-to-entry': {
    path: () => `/tasks/${taskId}/object`,
    body: () => ({ reason: 'Not what we said' }),
    status: 409,
  },
  'get-me': { path: () => '/me', self: true },
  'update-me': {
    path: () => '/me',
    body: () => ({ preferences: { channels: ['email', 'sms'] } }),
    self: true,
  },
  'get-calendar-url': { path: () => '/me/calendar', self: true },
  'rotate-calendar-url': { path: () => '/me/calendar/rotate', self: true },
  'export-me': { path: () => '/me/export', self: true },
  'list-notifications': { path: () => '/notifications', self: true },
  // The templates are no tenant's data: every role reads the same ones, whatever its municipality or country.
  'list-templates': { path: () => '/templates', query: { locale: 'bg' }, self: true },
  'get-template': { path: () => '/templates/romact', query: { locale: 'bg' }, self: true },
  'request-upload': {
    path: () => `/tasks/${taskId}/attachments`,
    body: () => ({ name: 'minutes.pdf', contentType: 'application/pdf', size: 1_000 }),
  },
  'list-attachments': { path: () => `/tasks/${taskId}/attachments` },
  // Nothing was uploaded to the pending file: who may confirm it is told so (409), and nothing changes.
  'confirm-upload': { path: () => `/tasks/${taskId}/attachments/${PENDING_FILE}/confirm`, status: 409 },
  'download-attachment': { path: () => `/tasks/${taskId}/attachments/${STORED_FILE}` },
  // Only the uploader (a script here) or a coordinator removes a file.
  'delete-attachment': {
    path: () => `/tasks/${taskId}/attachments/${STORED_FILE}`,
    refusedByResource: ['municipality', 'cag'],
    order: 9,
  },
  'add-comment': { path: () => `/tasks/${taskId}/comments`, body: () => ({ text: 'Agreed.' }) },
  'list-comments': { path: () => `/tasks/${taskId}/comments` },
  // The comment is a script's: nobody but its author edits it.
  'edit-comment': {
    path: () => `/tasks/${taskId}/comments/${COMMENT}`,
    body: () => ({ text: 'Changed' }),
    refusedByResource: ['coordinator', 'municipality', 'cag'],
  },
  'delete-comment': {
    path: () => `/tasks/${taskId}/comments/${COMMENT}`,
    refusedByResource: ['municipality', 'cag'],
    order: 9,
  },
  // A municipality's own export, asked by name: another tenant finds no such export.
  'export-cycles': {
    path: () => '/exports/BG/cycles.csv',
    query: { municipalityId: 'bg-own' },
    status: 303,
  },
  'get-publication': { path: () => '/municipalities/bg-own/publication' },
  'give-consent': {
    path: () => '/municipalities/bg-own/publication/consent',
    body: () => ({ genderBalance: { women: 4, men: 3, otherOrUndisclosed: 1 } }),
    order: 3,
  },
  'withdraw-consent': { path: () => '/municipalities/bg-own/publication/consent', order: 4 },
};

const PENDING_FILE = 'att-00000000000000000000000a';
const STORED_FILE = 'att-00000000000000000000000b';
const COMMENT = 'cmt-00000000000000000000000c';

/** The status a person must get from a route, from the route table and the fixture. */
function expected(route: ApiRoute, fixture: Fixture, role: RoleName): number {
  const claims = roles[role];
  if (!route.roles.includes(claims.role as Role)) return 403;
  const success = fixture.status ?? route.status ?? 200;
  if (fixture.self) return success;
  const ownTenant = !role.includes('other');
  if (!ownTenant) return fixture.listing ? 200 : 404;
  if (fixture.refusedByResource?.includes(claims.role as Role)) return 403;
  return success;
}

const guarded = apiRoutes.filter((route) => route.auth !== 'none');
const cases = [...guarded]
  .sort((a, b) => (fixtures[a.name]?.order ?? 0) - (fixtures[b.name]?.order ?? 0))
  .flatMap((route) =>
    (Object.keys(people) as RoleName[]).map((role) => ({
      name: `${route.method} ${route.path}`,
      role,
      route,
    })),
  );
const request = (fixture: Fixture, claims?: Claims) => ({
  ...(claims ? { claims } : {}),
  ...(fixture.body ? { body: fixture.body() } : {}),
  ...(fixture.query ? { query: fixture.query } : {}),
});

/** A person with one membership, made through the API, and their claims. */
async function person(entry: (typeof people)[RoleName], name: string): Promise<Claims> {
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
  return { ...claimsFor(created.body.user, created.body.membership), sid: 'ses-test' } as Claims;
}

beforeAll(async () => {
  env = await testRuntime();
  for (const id of ['bg-own', 'bg-other']) {
    const { contacts: _contacts, ...body } = municipalityBody({ municipalityId: id });
    await call('PUT', `/municipalities/${id}`, { claims: admin, body });
  }
  for (const [role, entry] of Object.entries(people) as [RoleName, (typeof people)[RoleName]][]) {
    roles[role] = await person(entry, role);
  }
  for (const [index, role] of (Object.keys(people) as RoleName[]).entries()) {
    const target = await call('POST', '/users', {
      claims: admin,
      body: {
        displayName: `To be erased ${index}`,
        role: 'cag',
        municipalityId: 'bg-own',
        phone: `+35988810005${index}`,
      },
    });
    erasable[role] = target.body.user.userId;
  }
  for (const [index, role] of (['coordinator (own country)', 'municipality (own)'] as RoleName[]).entries()) {
    const member = await call('POST', '/users', {
      claims: admin,
      body: {
        displayName: `To be removed ${index}`,
        role: 'cag',
        municipalityId: 'bg-own',
        phone: `+35988810006${index}`,
      },
    });
    removable[role] = member.body.membership.membershipId;
  }
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
  // Evidence on the task, left by a script token (no person): a pending upload, a stored file, a comment.
  const task = await env.ports.tasks.get(taskId);
  if (!task) throw new Error('no task');
  for (const [attachmentId, status] of [
    [PENDING_FILE, 'PENDING'],
    [STORED_FILE, 'STORED'],
  ] as const) {
    await env.ports.attachments.create(
      attachmentFixture(taskId, attachmentId, {
        municipalityId: 'bg-own',
        status,
        uploadedBy: { role: 'coordinator' },
        uploadExpiresAt: '2030-01-01T00:00:00.000Z',
        ...(status === 'STORED' ? { contentType: 'application/pdf' } : {}),
      }),
    );
  }
  await env.ports.comments.create(
    commentFixture(taskId, COMMENT, {
      municipalityId: 'bg-own',
      author: { name: 'script', role: 'coordinator' },
    }),
  );
});
afterAll(async () => {
  await env.runtime.close();
});

describe('Authorisation matrix, from the route table, with people', () => {
  it('has a fixture for every route of the table that needs a token', () => {
    expect(guarded.filter((route) => !fixtures[route.name]).map((route) => route.name)).toEqual([]);
  });

  it('leaves nobody without a token through', async () => {
    for (const route of guarded) {
      const fixture = fixtures[route.name] as Fixture;
      expect((await call(route.method, fixture.path('cag (own)'), request(fixture))).status, route.name).toBe(
        401,
      );
    }
  });

  it.each(cases)('$name as $role', async ({ route, role }) => {
    const fixture = fixtures[route.name] as Fixture;
    const status = expected(route, fixture, role);
    const before = status >= 400 ? await tableSnapshot() : '';
    const response = await call(route.method, fixture.path(role), request(fixture, roles[role]));
    expect(response.status, JSON.stringify(response.body)).toBe(status);
    if (status >= 400) {
      expect(response.body.error.code).toBeTruthy();
      expect(await tableSnapshot()).toBe(before);
    } else if (fixture.listing) {
      expect(response.body.items).toHaveLength(role.includes('other') ? 0 : 1);
    }
    // What an allowed request set going (the workflow's next steps) finishes before the next case looks.
    await env.engine.settled();
  });
});
