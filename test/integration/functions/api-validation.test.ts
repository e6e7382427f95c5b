import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cagOf, call, coordinatorBG, coordinatorIT, municipalityOf, outputs } from '../../support/api.ts';
import {
  eventually,
  municipalityFixture,
  parkedOn,
  tableSnapshot as sharedSnapshot,
  testRuntime,
} from '../../support/runtime.ts';

let env: Awaited<ReturnType<typeof testRuntime>>;
const municipalityId = 'bg-validation';
let taskId: string;
let cycleId: string;

const tableSnapshot = () => sharedSnapshot(env.runtime);

beforeAll(async () => {
  env = await testRuntime();
  const {
    municipalityId: _id,
    updatedAt: _at,
    version: _version,
    ...body
  } = municipalityFixture({ municipalityId });
  await call('PUT', `/municipalities/${municipalityId}`, { claims: coordinatorBG, body });
  cycleId = (await call('POST', '/cycles', { claims: coordinatorBG, body: { municipalityId } })).body.cycleId;
  taskId = await eventually(async () => {
    const inbox = await call('GET', '/tasks', { claims: municipalityOf(municipalityId) });
    return inbox.body.items?.[0]?.taskId as string | undefined;
  });
  await parkedOn(env.ports, cycleId, 'needs-assessment', env.engine);
});
afterAll(async () => {
  await env.runtime.close();
});

type Case = [
  name: string,
  method: string,
  path: () => string,
  options: Parameters<typeof call>[2],
  status: number,
  fields?: string[],
];

const coordinator = coordinatorBG;
const municipality = municipalityOf(municipalityId);
const cases: Case[] = [
  ['start: no token', 'POST', () => '/cycles', { body: { municipalityId } }, 401],
  [
    'start: missing municipality',
    'POST',
    () => '/cycles',
    { claims: coordinator, body: {} },
    400,
    ['municipalityId'],
  ],
  [
    'start: wrong types',
    'POST',
    () => '/cycles',
    { claims: coordinator, body: { municipalityId: 7, clientToken: false } },
    400,
    ['municipalityId', 'clientToken'],
  ],
  [
    'start: unknown field',
    'POST',
    () => '/cycles',
    { claims: coordinator, body: { municipalityId, mayor: 'x' } },
    400,
    ['mayor'],
  ],
  [
    'start: malformed JSON',
    'POST',
    () => '/cycles',
    { claims: coordinator, rawBody: '{"municipalityId":' },
    400,
    ['(body)'],
  ],
  [
    'start: oversized body',
    'POST',
    () => '/cycles',
    { claims: coordinator, rawBody: JSON.stringify({ municipalityId, pad: 'x'.repeat(300_000) }) },
    413,
  ],
  [
    'start: objects nested 40,000 deep (a stack overflow was a 500)',
    'POST',
    () => '/cycles',
    { claims: coordinator, rawBody: `${'{"a":'.repeat(40_000)}1${'}'.repeat(40_000)}` },
    400,
    ['(body)'],
  ],
  [
    'complete: arrays nested 100,000 deep (a stack overflow was a 500)',
    'POST',
    () => `/tasks/${taskId}/complete`,
    { claims: municipality, rawBody: `${'['.repeat(100_000)}${']'.repeat(100_000)}` },
    400,
    ['(body)'],
  ],
  [
    'start: unknown template',
    'POST',
    () => '/cycles',
    { claims: coordinator, body: { municipalityId, templateId: 'nope' } },
    400,
    ['templateId'],
  ],
  [
    'start: unknown date name',
    'POST',
    () => '/cycles',
    { claims: coordinator, body: { municipalityId, dates: { harvest: '2027-01-01' } } },
    400,
    ['dates.harvest'],
  ],
  [
    'start: bad due override',
    'POST',
    () => '/cycles',
    {
      claims: coordinator,
      body: { municipalityId, dueOverrides: { 'needs-assessment': 'soon', 'needs-Assessment': 'P1D' } },
    },
    400,
    ['dueOverrides.needs-assessment', 'dueOverrides.needs-Assessment'],
  ],
  [
    'start: unknown municipality',
    'POST',
    () => '/cycles',
    { claims: coordinator, body: { municipalityId: 'nowhere' } },
    404,
    ['municipalityId'],
  ],
  ['start: other country', 'POST', () => '/cycles', { claims: coordinatorIT, body: { municipalityId } }, 404],
  [
    'start: as a municipality',
    'POST',
    () => '/cycles',
    { claims: municipality, body: { municipalityId } },
    403,
  ],
  [
    'list cycles: bad status',
    'GET',
    () => '/cycles',
    { claims: coordinator, query: { status: 'SLEEPING' } },
    400,
    ['query.status'],
  ],
  [
    'list cycles: bad limit',
    'GET',
    () => '/cycles',
    { claims: coordinator, query: { limit: '0' } },
    400,
    ['query.limit'],
  ],
  ['get cycle: unknown', 'GET', () => '/cycles/cyc-00000000000000000000', { claims: coordinator }, 404],
  ['get cycle: malformed id', 'GET', () => '/cycles/cyc-unknown', { claims: coordinator }, 400, ['path.id']],
  [
    'get municipality: malformed id',
    'GET',
    () => '/municipalities/bg%20space',
    { claims: coordinator },
    400,
    ['path.id'],
  ],
  ['get cycle: other tenant', 'GET', () => `/cycles/${cycleId}`, { claims: municipalityOf('ro-other') }, 404],
  [
    'cancel: no reason',
    'POST',
    () => `/cycles/${cycleId}/cancel`,
    { claims: coordinator, body: {} },
    400,
    ['reason'],
  ],
  [
    'cancel: unknown',
    'POST',
    () => '/cycles/cyc-00000000000000000000/cancel',
    { claims: coordinator, body: { reason: 'x' } },
    404,
  ],
  [
    'cancel: as a municipality',
    'POST',
    () => `/cycles/${cycleId}/cancel`,
    { claims: municipality, body: { reason: 'x' } },
    403,
  ],
  [
    'inbox: bad assignee',
    'GET',
    () => '/tasks',
    { claims: municipality, query: { assignee: 'mayor' } },
    400,
    ['query.assignee'],
  ],
  [
    'inbox: bad overdue',
    'GET',
    () => '/tasks',
    { claims: municipality, query: { overdue: 'maybe' } },
    400,
    ['query.overdue'],
  ],
  [
    'get task: unknown',
    'GET',
    () => '/tasks/cyc-00000000000000000000.nothing.r0',
    { claims: municipality },
    404,
  ],
  [
    'get task: malformed id',
    'GET',
    () => '/tasks/cyc-x.nothing.r0',
    { claims: municipality },
    400,
    ['path.id'],
  ],
  [
    'complete: empty body',
    'POST',
    () => `/tasks/${taskId}/complete`,
    { claims: municipality, body: {} },
    400,
    ['priorities', 'neighbourhoods', 'summary'],
  ],
  [
    'complete: wrong area',
    'POST',
    () => `/tasks/${taskId}/complete`,
    {
      claims: municipality,
      body: { ...outputs['needs-assessment'], priorities: [{ area: 'sport', description: 'x' }] },
    },
    400,
    ['priorities.0.area'],
  ],
  [
    'complete: unknown task kind',
    'POST',
    () => `/tasks/${taskId}/complete`,
    { claims: municipality, body: { kind: 'visit-report', visitedOn: '2027-01-01', recommendations: ['x'] } },
    400,
  ],
  [
    'complete: the CAG on a municipality task',
    'POST',
    () => `/tasks/${taskId}/complete`,
    { claims: cagOf(municipalityId), body: outputs['needs-assessment'] },
    403,
  ],
  [
    'complete: another tenant',
    'POST',
    () => `/tasks/${taskId}/complete`,
    { claims: municipalityOf('hu-other'), body: outputs['needs-assessment'] },
    404,
  ],
  [
    'extend: as a municipality',
    'POST',
    () => `/tasks/${taskId}/extend`,
    { claims: municipality, body: { dueAt: '2030-01-01', reason: 'x' } },
    403,
  ],
  [
    'extend: bad date',
    'POST',
    () => `/tasks/${taskId}/extend`,
    { claims: coordinator, body: { dueAt: 'next week', reason: 'x' } },
    400,
    ['dueAt'],
  ],
  [
    'extend: a past date',
    'POST',
    () => `/tasks/${taskId}/extend`,
    { claims: coordinator, body: { dueAt: '2020-01-01', reason: 'x' } },
    422,
    ['dueAt'],
  ],
  [
    'put municipality: bad fields',
    'PUT',
    () => '/municipalities/bg-new',
    {
      claims: coordinator,
      body: { name: '', country: 'Bulgaria', locale: 'bulgarian', timeZone: 'Mars/Olympus' },
    },
    400,
    ['name', 'country', 'locale', 'timeZone'],
  ],
  [
    'put municipality: contact without a channel',
    'PUT',
    () => '/municipalities/bg-new',
    {
      claims: coordinator,
      body: {
        name: 'X',
        country: 'BG',
        locale: 'bg',
        timeZone: 'Europe/Sofia',
        contacts: { cag: [{ name: 'No channel' }], municipality: [{ phone: '0888' }] },
      },
    },
    400,
    ['contacts.cag.0', 'contacts.municipality.0.phone'],
  ],
  [
    'put municipality: outside my countries',
    'PUT',
    () => '/municipalities/it-new',
    { claims: coordinator, body: { name: 'X', country: 'IT', locale: 'it', timeZone: 'Europe/Rome' } },
    403,
    ['country'],
  ],
  [
    'get municipality: other tenant',
    'GET',
    () => `/municipalities/${municipalityId}`,
    { claims: coordinatorIT },
    404,
  ],
  [
    'delete contacts: unknown',
    'DELETE',
    () => '/municipalities/nowhere/contacts',
    { claims: coordinator },
    404,
  ],
  [
    'delete contacts: as the CAG',
    'DELETE',
    () => `/municipalities/${municipalityId}/contacts`,
    { claims: cagOf(municipalityId) },
    403,
  ],
];

describe('Bad input on every API route', () => {
  it.each(cases)(
    '%s → %i, naming the fields, writing nothing',
    async (_name, method, path, options, status, fields) => {
      const before = await tableSnapshot();

      const response = await call(method, path(), options);

      expect(response.status).toBe(status);
      expect(response.body.error).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      if (fields) {
        const paths = response.body.error.fields.map((field: { path: string }) => field.path);
        for (const field of fields) expect(paths).toContain(field);
      }
      expect(await tableSnapshot()).toBe(before);
    },
  );

  it('completes a task once, succeeds again with the same body, and answers 409 to a different one', async () => {
    const first = await call('POST', `/tasks/${taskId}/complete`, {
      claims: municipality,
      body: outputs['needs-assessment'],
    });
    const same = await call('POST', `/tasks/${taskId}/complete`, {
      claims: municipality,
      body: outputs['needs-assessment'],
    });
    // Let the workflow reach the next task before taking the "nothing written" snapshot.
    await parkedOn(env.ports, cycleId, 'community-consultation', env.engine);
    const before = await tableSnapshot();
    const different = await call('POST', `/tasks/${taskId}/complete`, {
      claims: municipality,
      body: { ...outputs['needs-assessment'], summary: 'Changed my mind' },
    });

    expect([first.status, same.status, different.status]).toEqual([200, 200, 409]);
    expect(await tableSnapshot()).toBe(before);
  });

  it('answers 422 when a consultation had fewer CAG members present than the template requires', async () => {
    const consultation = await eventually(async () => {
      const inbox = await call('GET', '/tasks', { claims: cagOf(municipalityId) });
      return inbox.body.items?.find((task: { taskKey: string }) => task.taskKey === 'community-consultation');
    });
    const before = await tableSnapshot();
    const response = await call('POST', `/tasks/${consultation.taskId}/complete`, {
      claims: cagOf(municipalityId),
      body: {
        ...outputs['community-consultation'],
        meetings: [{ date: '2027-01-03', participants: 12, cagMembersPresent: 1 }],
      },
    });
    expect(response.status).toBe(422);
    expect(response.body.error.fields).toEqual([
      { path: 'meetings.0.cagMembersPresent', message: 'at least 3 CAG members must be present (was 1)' },
    ]);
    expect(await tableSnapshot()).toBe(before);
  });

  it('answers 409 when cancelling a cycle that is no longer running', async () => {
    expect(
      (
        await call('POST', `/cycles/${cycleId}/cancel`, {
          claims: coordinator,
          body: { reason: 'Council dissolved' },
        })
      ).status,
    ).toBe(200);
    const before = await tableSnapshot();
    expect(
      (await call('POST', `/cycles/${cycleId}/cancel`, { claims: coordinator, body: { reason: 'Again' } }))
        .status,
    ).toBe(409);
    expect(await tableSnapshot()).toBe(before);
    const cycle = (await call('GET', `/cycles/${cycleId}`, { claims: coordinator })).body;
    expect(cycle.status).toBe('CANCELLED');
    expect(cycle.tasks.filter((task: { status: string }) => task.status === 'OPEN')).toEqual([]);
  });
});
