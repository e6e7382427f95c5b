import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '#shared/domain/model/audit-event.ts';
import { type Claims, call, outputs } from '../../support/api.ts';
import { type HttpAnswer, type HttpRequestOptions, serveOverHttp } from '../../support/http-api.ts';
import { eventually, municipalityBody, parkedOn, testRuntime } from '../../support/runtime.ts';

/**
 * The race sweep: what people do at the same moment (a double click, two tabs, a script retrying, two
 * coordinators), sent at once to the real HTTP server. The bar: never a 5xx (a lost optimistic-concurrency race
 * is retried or answered 409), and nothing happens twice: one cycle, one task, one audit event per change, one
 * message per person, channel and notification.
 */

const N = 10;
const admin: Claims = { role: 'coordinator', countries: 'BG,IT' };
let env: Awaited<ReturnType<typeof testRuntime>>;
let http: Awaited<ReturnType<typeof serveOverHttp>>;
const report = { sent: 0, serverErrors: [] as string[] };

async function send(method: string, path: string, options: HttpRequestOptions = {}): Promise<HttpAnswer> {
  const answer = await http.request(method, path, options);
  report.sent += 1;
  if (answer.status >= 500) report.serverErrors.push(`${method} ${path} → ${answer.status}`);
  return answer;
}

/** Runs `n` requests at the same moment. */
const atOnce = (n: number, request: (index: number) => Promise<HttpAnswer>) =>
  Promise.all(Array.from({ length: n }, (_, index) => request(index)));

const statuses = (answers: HttpAnswer[]) => [...new Set(answers.map((answer) => answer.status))].sort();
const count = (answers: HttpAnswer[], status: number) =>
  answers.filter((one) => one.status === status).length;

let municipalities = 0;
/** A municipality of its own for each race, with a staff member (email) and a CAG member (phone). */
async function municipality(country: 'BG' | 'IT' = 'BG') {
  municipalities += 1;
  const id = `race-${municipalities}`;
  const { contacts: _none, ...body } = municipalityBody({
    municipalityId: id,
    country,
    ...(country === 'IT' ? { locale: 'it', timeZone: 'Europe/Rome' } : {}),
  });
  expect((await call('PUT', `/municipalities/${id}`, { claims: admin, body })).status).toBe(200);
  for (const [role, channel] of [
    ['municipality', { email: `staff-${id}@example.org` }],
    ['cag', { phone: `+35988830${String(municipalities).padStart(4, '0')}` }],
  ] as const) {
    const created = await call('POST', '/users', {
      claims: admin,
      body: { displayName: `${role} of ${id}`, role, municipalityId: id, ...channel },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
  }
  return {
    id,
    staff: { role: 'municipality', municipality: id } as Claims,
    cag: { role: 'cag', municipality: id } as Claims,
  };
}

/** Starts a cycle and waits until its first task is open. */
async function runningCycle(municipalityId: string) {
  const started = await call('POST', '/cycles', {
    claims: admin,
    body: { municipalityId, clientToken: `race-${municipalityId}` },
  });
  expect(started.status, JSON.stringify(started.body)).toBe(201);
  await parkedOn(env.ports, started.body.cycleId, 'needs-assessment', env.engine);
  const cycleId = started.body.cycleId as string;
  return { cycleId, taskId: `${cycleId}.needs-assessment.r0` };
}

const record = async (cycleId: string) => {
  await env.engine.settled();
  const found = await env.ports.cycles.record(cycleId);
  if (!found) throw new Error(`No cycle ${cycleId}`);
  return found;
};

/** Audit events recorded twice: the same change, with the same data. */
function repeatedEvents(audit: AuditEvent[]): string[] {
  const seen = new Map<string, number>();
  for (const event of audit) {
    const key = `${event.type} ${JSON.stringify(event.data)}`;
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  return [...seen].filter(([, times]) => times > 1).map(([key, times]) => `${times}× ${key}`);
}

/** Notifications a person got twice on one channel (a message id is per set, so compare notification ids). */
function repeatedNotices(municipalityId: string): string[] {
  const seen = new Map<string, number>();
  for (const message of env.runtime.outbox.list({ municipalityIds: [municipalityId] }))
    for (const notificationId of message.notificationIds) {
      const key = `${message.channel} ${message.recipient.address} ${notificationId}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
  return [...seen].filter(([, times]) => times > 1).map(([key, times]) => `${times}× ${key}`);
}

const assignedTo = (municipalityId: string, taskKey: string) =>
  env.runtime.outbox
    .list({ municipalityIds: [municipalityId] })
    .filter(
      (message) =>
        message.kinds.includes('assigned') && message.notificationIds.some((id) => id.includes(taskKey)),
    );

beforeAll(async () => {
  env = await testRuntime();
  http = await serveOverHttp(env.runtime);
}, 60_000);

afterAll(async () => {
  console.log(`race sweep: ${report.sent} requests, ${report.serverErrors.length} answered 5xx`);
  await http?.close();
  await env?.runtime.close();
});

describe('Race sweep: the same request at the same moment', () => {
  it(`${N} identical starts with one client token → one cycle, one first task, one notice per person`, async () => {
    const { id } = await municipality();
    const answers = await atOnce(N, () =>
      send('POST', '/cycles', { claims: admin, body: { municipalityId: id, clientToken: 'double-click' } }),
    );
    expect(
      statuses(answers).every((status) => status === 200 || status === 201),
      `${statuses(answers)}`,
    ).toBe(true);
    const cycleIds = new Set(answers.map((answer) => answer.body.cycleId));
    expect(cycleIds.size).toBe(1);
    const [cycleId] = [...cycleIds] as [string];
    await parkedOn(env.ports, cycleId, 'needs-assessment', env.engine);
    expect(
      (await send('GET', '/cycles', { claims: admin, query: { municipalityId: id } })).body.items,
    ).toHaveLength(1);
    const { tasks, audit } = await record(cycleId);
    expect(tasks.map((task) => task.taskKey)).toEqual(['needs-assessment']);
    expect(audit.filter((event) => event.type === 'cycle.started')).toHaveLength(1);
    expect(repeatedEvents(audit)).toEqual([]);
    expect(assignedTo(id, 'needs-assessment')).toHaveLength(1);
    expect(repeatedNotices(id)).toEqual([]);
  });

  it(`${N} starts with different client tokens or none, for one municipality → one 201, the rest 409 naming municipalityId`, async () => {
    const { id } = await municipality();
    const answers = await atOnce(N, (index) =>
      send('POST', '/cycles', {
        claims: admin,
        body: { municipalityId: id, ...(index % 2 ? { clientToken: `tab-${index}` } : {}) },
      }),
    );
    expect(statuses(answers)).toEqual([201, 409]);
    expect(count(answers, 201)).toBe(1);
    for (const refused of answers.filter((answer) => answer.status === 409))
      expect(refused.body.error.fields.map((field: { path: string }) => field.path)).toContain(
        'municipalityId',
      );
    const listed = await send('GET', '/cycles', { claims: admin, query: { municipalityId: id } });
    expect(listed.body.items.filter((cycle: { status: string }) => cycle.status === 'RUNNING')).toHaveLength(
      1,
    );
  });

  it(`${N} identical completions → completed once, the next phase opened once, one notice per person`, async () => {
    const place = await municipality();
    const { cycleId, taskId } = await runningCycle(place.id);
    const answers = await atOnce(N, () =>
      send('POST', `/tasks/${taskId}/complete`, { claims: place.staff, body: outputs['needs-assessment'] }),
    );
    expect(
      statuses(answers).every((status) => status === 200 || status === 409),
      `${statuses(answers)}`,
    ).toBe(true);
    expect(count(answers, 200)).toBeGreaterThanOrEqual(1);
    await parkedOn(env.ports, cycleId, 'community-consultation', env.engine);
    const { tasks, audit } = await record(cycleId);
    expect(tasks.map((task) => task.taskKey).sort()).toEqual(['community-consultation', 'needs-assessment']);
    expect(audit.filter((event) => event.type === 'task.completed')).toHaveLength(1);
    expect(audit.filter((event) => event.type === 'phase.ended')).toHaveLength(1);
    expect(audit.filter((event) => event.type === 'phase.started')).toHaveLength(2);
    expect(repeatedEvents(audit)).toEqual([]);
    // The CAG member has a phone only: one SMS for the consultation.
    expect(assignedTo(place.id, 'community-consultation')).toHaveLength(1);
    expect(repeatedNotices(place.id)).toEqual([]);
  });

  it(`${N} extends of one task to different dates → each 200 or 409, every extension counted once`, async () => {
    const place = await municipality();
    const { cycleId, taskId } = await runningCycle(place.id);
    const answers = await atOnce(N, (index) =>
      send('POST', `/tasks/${taskId}/extend`, {
        claims: admin,
        body: { dueAt: `2027-06-${String(index + 10)}`, reason: `Tab ${index}` },
      }),
    );
    expect(
      statuses(answers).every((status) => status === 200 || status === 409),
      `${statuses(answers)}`,
    ).toBe(true);
    const { tasks, audit } = await record(cycleId);
    const task = tasks.find((one) => one.taskId === taskId);
    const extended = audit.filter((event) => event.type === 'task.extended');
    expect(task?.extensions).toBe(extended.length);
    expect(extended.length).toBeLessThanOrEqual(count(answers, 200));
    expect(extended.length).toBeGreaterThanOrEqual(1);
    expect(repeatedEvents(audit)).toEqual([]);
    expect(repeatedNotices(place.id)).toEqual([]);
  });

  it(`${N} extends of one task to the same date → one extension`, async () => {
    const place = await municipality();
    const { cycleId, taskId } = await runningCycle(place.id);
    const answers = await atOnce(N, () =>
      send('POST', `/tasks/${taskId}/extend`, {
        claims: admin,
        body: { dueAt: '2027-06-30', reason: 'Elections' },
      }),
    );
    expect(
      statuses(answers).every((status) => status === 200 || status === 409),
      `${statuses(answers)}`,
    ).toBe(true);
    const { tasks, audit } = await record(cycleId);
    expect(tasks.find((one) => one.taskId === taskId)?.extensions).toBe(1);
    expect(audit.filter((event) => event.type === 'task.extended')).toHaveLength(1);
    expect(repeatedNotices(place.id)).toEqual([]);
  });

  it('extends racing completions → never a 5xx; the task is completed once and the phase moves on once', async () => {
    const place = await municipality();
    const { cycleId, taskId } = await runningCycle(place.id);
    const answers = await atOnce(N, (index) =>
      index % 2
        ? send('POST', `/tasks/${taskId}/extend`, {
            claims: admin,
            body: { dueAt: `2027-07-${String(index + 10)}`, reason: 'Late' },
          })
        : send('POST', `/tasks/${taskId}/complete`, {
            claims: place.staff,
            body: outputs['needs-assessment'],
          }),
    );
    expect(
      statuses(answers).every((status) => status === 200 || status === 409),
      `${statuses(answers)}`,
    ).toBe(true);
    await parkedOn(env.ports, cycleId, 'community-consultation', env.engine);
    const { tasks, audit } = await record(cycleId);
    expect(tasks.find((one) => one.taskId === taskId)?.status).toBe('COMPLETED');
    expect(audit.filter((event) => event.type === 'task.completed')).toHaveLength(1);
    expect(audit.filter((event) => event.type === 'phase.ended')).toHaveLength(1);
    expect(audit.filter((event) => event.type === 'phase.started')).toHaveLength(2);
    expect(repeatedEvents(audit)).toEqual([]);
    expect(repeatedNotices(place.id)).toEqual([]);
  });

  it(`${N} cancels of one cycle → cancelled once, its task withdrawn once, each person told once`, async () => {
    const place = await municipality();
    const { cycleId } = await runningCycle(place.id);
    const answers = await atOnce(N, () =>
      send('POST', `/cycles/${cycleId}/cancel`, { claims: admin, body: { reason: 'Left the programme' } }),
    );
    expect(
      statuses(answers).every((status) => status === 200 || status === 409),
      `${statuses(answers)}`,
    ).toBe(true);
    expect(count(answers, 200)).toBeGreaterThanOrEqual(1);
    const { cycle, tasks, audit } = await eventually(async () => {
      const current = await record(cycleId);
      return current.cycle.status === 'CANCELLED' && current;
    });
    expect(cycle.status).toBe('CANCELLED');
    expect(tasks.every((task) => task.status !== 'OPEN')).toBe(true);
    expect(audit.filter((event) => event.type === 'cycle.cancelled')).toHaveLength(1);
    expect(repeatedEvents(audit)).toEqual([]);
    expect(repeatedNotices(place.id)).toEqual([]);
  });

  it('two coordinators of different countries create the same municipality id at once → one 200, the other refused', async () => {
    for (let round = 0; round < 5; round++) {
      const id = `race-contested-${round}`;
      const [bg, it] = await Promise.all(
        (['BG', 'IT'] as const).map((country) => {
          const { contacts: _none, ...body } = municipalityBody({
            municipalityId: id,
            country,
            ...(country === 'IT' ? { locale: 'it', timeZone: 'Europe/Rome' } : {}),
          });
          return send('PUT', `/municipalities/${id}`, {
            claims: { role: 'coordinator', countries: country },
            body: { ...body, name: `Claimed by ${country}` },
          });
        }),
      );
      // The loser is refused and writes nothing: 409 when its create lost the race, 404 (another country's
      // municipality, as for any later request of it) when it read the winner's item first.
      const statuses = [bg?.status, it?.status].sort();
      expect(statuses[0], `round ${round}`).toBe(200);
      expect([404, 409], `round ${round}`).toContain(statuses[1]);
      const winner = bg?.status === 200 ? 'BG' : 'IT';
      const stored = await send('GET', `/municipalities/${id}`, { claims: admin });
      expect(stored.body).toMatchObject({ country: winner, name: `Claimed by ${winner}` });
    }
  });

  it(`${N} identical creations of one person → one person, the rest 409`, async () => {
    const { id } = await municipality();
    const answers = await atOnce(N, () =>
      send('POST', '/users', {
        claims: admin,
        body: { displayName: 'Double click', role: 'cag', municipalityId: id, phone: '+359888399999' },
      }),
    );
    expect(
      statuses(answers).every((status) => status === 201 || status === 409),
      `${statuses(answers)}`,
    ).toBe(true);
    const members = await send('GET', `/municipalities/${id}/members`, { claims: admin });
    expect(
      members.body.items.filter((member: { displayName: string }) => member.displayName === 'Double click'),
    ).toHaveLength(1);
  });

  it('answered no request with a 5xx', () => {
    expect(report.serverErrors).toEqual([]);
    expect(report.sent).toBeGreaterThan(N * 8);
  });
});
