import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cagOf, call, coordinatorBG, municipalityOf, outputs } from '../../support/api.ts';
import { eventually, municipalityFixture, testRuntime } from '../../support/runtime.ts';

let env: Awaited<ReturnType<typeof testRuntime>>;
const municipalityId = 'bg-stolipinovo';
const municipality = municipalityOf(municipalityId);
const cag = cagOf(municipalityId);

beforeAll(async () => {
  env = await testRuntime();
  const { municipalityId: _id, updatedAt: _at, version: _version, ...body } = municipalityFixture();
  const put = await call('PUT', `/municipalities/${municipalityId}`, { claims: coordinatorBG, body });
  expect(put.status).toBe(200);
});
afterAll(async () => {
  await env.runtime.close();
});

/** Waits for the open task with `taskKey` in a role's inbox. */
async function openTask(claims: Record<string, string>, taskKey: string, revision = 0) {
  return eventually(async () => {
    const inbox = await call('GET', '/tasks', { claims });
    return inbox.body.items?.find((task: any) => task.taskKey === taskKey && task.revision === revision);
  });
}

async function cycleStatus(cycleId: string) {
  return (await call('GET', `/cycles/${cycleId}`, { claims: coordinatorBG })).body;
}

describe('A ROMACT cycle through the handlers, on dynalite and the local engine', () => {
  it('runs every phase with a rejected plan and its revision, and records the audit trail', async () => {
    const started = await call('POST', '/cycles', {
      claims: coordinatorBG,
      body: { municipalityId, clientToken: 'bg-2027', dates: { fundingCallClosesAt: '2027-09-30' } },
    });
    expect(started.status).toBe(201);
    const cycleId = started.body.cycleId as string;

    const again = await call('POST', '/cycles', {
      claims: coordinatorBG,
      body: { municipalityId, clientToken: 'bg-2027', dates: { fundingCallClosesAt: '2027-09-30' } },
    });
    expect(again.body.cycleId).toBe(cycleId);

    const assessment = await openTask(municipality, 'needs-assessment');
    expect(assessment).toMatchObject({
      assignee: 'municipality',
      dueAt: '2027-03-05T09:00:00.000Z',
      overdue: false,
    });
    expect(assessment.taskToken).toBeUndefined();
    expect(
      (
        await call('POST', `/tasks/${assessment.taskId}/complete`, {
          claims: municipality,
          body: outputs['needs-assessment'],
        })
      ).status,
    ).toBe(200);

    const consultation = await openTask(cag, 'community-consultation');
    expect(
      (
        await call('POST', `/tasks/${consultation.taskId}/complete`, {
          claims: cag,
          body: outputs['community-consultation'],
        })
      ).status,
    ).toBe(200);

    const endorsement = await openTask(cag, 'cag-endorsement');
    const council = await openTask(municipality, 'council-decision');
    await call('POST', `/tasks/${endorsement.taskId}/complete`, { claims: cag, body: outputs.approve });
    await call('POST', `/tasks/${council.taskId}/complete`, { claims: municipality, body: outputs.reject });

    const consultation1 = await openTask(cag, 'community-consultation', 1);
    await call('POST', `/tasks/${consultation1.taskId}/complete`, {
      claims: cag,
      body: outputs['community-consultation'],
    });
    const endorsement1 = await openTask(cag, 'cag-endorsement', 1);
    const council1 = await openTask(municipality, 'council-decision', 1);
    await call('POST', `/tasks/${endorsement1.taskId}/complete`, { claims: cag, body: outputs.approve });
    await call('POST', `/tasks/${council1.taskId}/complete`, { claims: municipality, body: outputs.approve });

    const funding = await openTask(municipality, 'funding-applications', 1);
    // The end of 30 September in Sofia (UTC+3 in summer), not in UTC.
    expect(funding.dueAt).toBe('2027-09-30T20:59:59.999Z');
    await call('POST', `/tasks/${funding.taskId}/complete`, {
      claims: municipality,
      body: outputs['funding-applications'],
    });
    const review = await openTask(municipality, 'monitoring-report', 1);
    await call('POST', `/tasks/${review.taskId}/complete`, { claims: municipality, body: outputs.close });

    const done = await eventually(async () => {
      const cycle = await cycleStatus(cycleId);
      return (
        cycle.status === 'COMPLETED' &&
        cycle.audit.some((event: any) => event.type === 'cycle.finished') &&
        cycle
      );
    });
    expect(done.phases.map((phase: any) => `${phase.phase}#${phase.revision}`)).toEqual([
      'assessment#0',
      'consultation#0',
      'plan-approval#0',
      'consultation#1',
      'plan-approval#1',
      'funding#1',
      'review#1',
    ]);
    const types = done.audit.map((event: any) => event.type);
    expect(types.filter((type: string) => type === 'task.opened')).toHaveLength(9);
    expect(types.filter((type: string) => type === 'task.completed')).toHaveLength(9);
    expect(types.filter((type: string) => type === 'cycle.finished')).toHaveLength(1);
    const times = done.audit.map((event: any) => event.at);
    expect([...times].sort()).toEqual(times);
  });
});
