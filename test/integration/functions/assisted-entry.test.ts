import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { claimsFor } from '#shared/domain/model/claims.ts';
import { sweepDeadlines } from '#shared/domain/usecases/notifications/sweep-deadlines.ts';
import { type Claims, call, outputs } from '../../support/api.ts';
import { eventually, municipalityBody, parkedOn, tableSnapshot, testRuntime } from '../../support/runtime.ts';

/** Assisted entry: staff record a CAG task for the members present; the members may object within the window. */

let env: Awaited<ReturnType<typeof testRuntime>>;
const municipalityId = 'bg-assisted';
const admin: Claims = { role: 'coordinator', countries: 'BG' };
const DAY = 86_400_000;

async function person(body: Record<string, unknown>) {
  const created = await call('POST', '/users', { claims: admin, body });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return {
    userId: created.body.user.userId as string,
    claims: { ...claimsFor(created.body.user, created.body.membership), sid: 'ses-test' } as Claims,
  };
}

let staff: Awaited<ReturnType<typeof person>>;
let maria: Awaited<ReturnType<typeof person>>;
let ivan: Awaited<ReturnType<typeof person>>;
let consultationId: string;
let cycleId: string;

beforeEach(async () => {
  env = await testRuntime();
  const { contacts: _none, ...body } = municipalityBody({ municipalityId });
  await call('PUT', `/municipalities/${municipalityId}`, { claims: admin, body });
  staff = await person({
    displayName: 'Elena Staff',
    role: 'municipality',
    municipalityId,
    email: 'elena@sliven.example',
  });
  maria = await person({
    displayName: 'Maria CAG',
    role: 'cag',
    municipalityId,
    phone: '+359888200001',
    locale: 'bg',
  });
  ivan = await person({
    displayName: 'Ivan CAG',
    role: 'cag',
    municipalityId,
    phone: '+359888200002',
    locale: 'bg',
  });
  cycleId = (await call('POST', '/cycles', { claims: admin, body: { municipalityId } })).body.cycleId;
  await parkedOn(env.ports, cycleId, 'needs-assessment', env.engine);
  const assessment = (await call('GET', '/tasks', { claims: staff.claims })).body.items[0];
  await call('POST', `/tasks/${assessment.taskId}/complete`, {
    claims: staff.claims,
    body: outputs['needs-assessment'],
  });
  await parkedOn(env.ports, cycleId, 'community-consultation', env.engine);
  consultationId = (await call('GET', '/tasks', { claims: maria.claims })).body.items[0].taskId;
});
afterEach(async () => {
  await env.runtime.close();
});

const onBehalf = () => ({
  output: {
    ...outputs['community-consultation'],
    meetings: [{ date: '2027-01-04', participants: 20, cagMembersPresent: 4 }],
  },
  onBehalfOf: [maria.userId, ivan.userId],
  consent: { method: 'verbal', givenOn: '2027-01-04', reference: 'Meeting of 4 January' },
});

describe('Assisted entry', () => {
  it('records the entry for the members present, tells them by SMS, and lets it count once nobody objected', async () => {
    const entered = await call('POST', `/tasks/${consultationId}/complete-on-behalf`, {
      claims: staff.claims,
      body: onBehalf(),
    });
    expect(entered.status, JSON.stringify(entered.body)).toBe(202);
    expect(entered.body).toMatchObject({
      status: 'OPEN',
      pendingEntry: { enteredBy: { name: 'Elena Staff' } },
    });
    const texts = env.runtime.outbox.list({ recipient: '+359888200001' }).map((message) => message.text);
    expect(texts.some((text) => text.includes('Elena Staff') && text.includes('от ваше име'))).toBe(true);

    env.clock.advance(4 * DAY);
    const report = await sweepDeadlines(env.ports);
    expect(report.entries).toBe(1);
    const record = await eventually(async () => {
      const current = await env.ports.cycles.record(cycleId);
      return current?.tasks.find((task) => task.taskKey === 'cag-endorsement') && current;
    });
    const completion = record.audit.find(
      (event) => event.type === 'task.completed' && event.data.taskId === consultationId,
    );
    expect(completion?.actor).toMatchObject({
      kind: 'person',
      name: 'Elena Staff',
      onBehalfOf: [
        { userId: maria.userId, name: 'Maria CAG' },
        { userId: ivan.userId, name: 'Ivan CAG' },
      ],
    });
  });

  it('sets the entry aside when a member named objects within the window, and the task is the CAG’s again', async () => {
    await call('POST', `/tasks/${consultationId}/complete-on-behalf`, {
      claims: staff.claims,
      body: onBehalf(),
    });
    env.clock.advance(DAY);

    const objected = await call('POST', `/tasks/${consultationId}/object`, {
      claims: ivan.claims,
      body: { reason: 'We did not agree on housing first' },
    });

    expect(objected.status, JSON.stringify(objected.body)).toBe(200);
    expect(objected.body.status).toBe('OPEN');
    expect(objected.body.pendingEntry).toBeUndefined();
    env.clock.advance(5 * DAY);
    expect((await sweepDeadlines(env.ports)).entries).toBe(0);
    const record = await env.ports.cycles.record(cycleId);
    expect(record?.audit.map((event) => event.type)).toContain('task.entry-objected');
    expect(record?.tasks.find((task) => task.taskId === consultationId)?.status).toBe('OPEN');
    // The CAG completes it themselves after all.
    const done = await call('POST', `/tasks/${consultationId}/complete`, {
      claims: maria.claims,
      body: onBehalf().output,
    });
    expect(done.status).toBe(200);
  });

  it('refuses an entry for someone who is not a CAG member of the municipality, or made by a CAG member', async () => {
    const stranger = await call('POST', `/tasks/${consultationId}/complete-on-behalf`, {
      claims: staff.claims,
      body: { ...onBehalf(), onBehalfOf: [staff.userId] },
    });
    expect(stranger.status).toBe(422);
    expect(stranger.body.error.fields).toEqual([
      { path: 'onBehalfOf.0', message: 'is not a CAG member of this municipality' },
    ]);
    const byCag = await call('POST', `/tasks/${consultationId}/complete-on-behalf`, {
      claims: maria.claims,
      body: onBehalf(),
    });
    expect(byCag.status).toBe(403);
    const late = await call('POST', `/tasks/${consultationId}/object`, {
      claims: maria.claims,
      body: { reason: 'x' },
    });
    expect(late.status).toBe(409);
  });

  it('refuses consent dated in the future or from another decade (a typing error), naming consent.givenOn, and writes nothing', async () => {
    const before = await tableSnapshot(env.runtime);
    for (const givenOn of ['0001-01-01', '1999-01-01', '2025-12-31', '2027-01-05', '2099-01-01']) {
      const refused = await call('POST', `/tasks/${consultationId}/complete-on-behalf`, {
        claims: staff.claims,
        body: { ...onBehalf(), consent: { ...onBehalf().consent, givenOn } },
      });
      expect(refused.status, givenOn).toBe(422);
      expect(refused.body.error.fields.map((field: { path: string }) => field.path)).toEqual([
        'consent.givenOn',
      ]);
    }
    expect(await tableSnapshot(env.runtime)).toBe(before);
  });
});
