import { afterEach, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '#infra/local/runtime.ts';
import { scaledClock } from '#shared/domain/clock.ts';
import { cagOf, call, coordinatorBG, municipalityOf, outputs, useRuntime } from '../support/api.ts';
import { eventually, municipalityBody } from '../support/runtime.ts';

/**
 * The whole ROMACT process (`romact` v2) over HTTP on the local runtime: commitment to the next cycle, with a
 * meeting decision that becomes a follow-up task, application and indicator rounds, and an indicator report
 * that seeds the next cycle. The clock runs ten thousand times the wall clock (a month in about four minutes
 * of deadline, a day in nine seconds), so dates in the bodies stay what they say while nothing stalls.
 */

const municipalityId = 'bg-process';
const municipality = municipalityOf(municipalityId);
const cag = cagOf(municipalityId);
let runtime: LocalRuntime | undefined;

afterEach(async () => {
  await runtime?.close();
  runtime = undefined;
});

type Claims = Record<string, string>;

/** The open task with `taskKey` (of `kind`) in a role's inbox, once the workflow opened it. */
function inboxTask(claims: Claims, taskKey: string, kind = 'task') {
  return eventually(async () => {
    const inbox = await call('GET', '/tasks', { claims });
    return inbox.body.items?.find((task: any) => task.taskKey === taskKey && task.kind === kind);
  }, 60_000);
}

async function complete(claims: Claims, taskKey: string, body: unknown) {
  const task = await inboxTask(claims, taskKey);
  const done = await call('POST', `/tasks/${task.taskId}/complete`, { claims, body });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return task;
}

const cagMembers = Array.from({ length: 5 }, (_, index) => ({
  member: `usr-cag-${index + 1}`,
  role: index === 0 ? 'chair' : 'member',
  trained: 'yes',
}));

describe('The whole ROMACT process over HTTP', () => {
  it('runs from the letter of commitment to the next cycle, and reads the chain from need to result in one request', async () => {
    runtime = await startLocalRuntime({
      clock: scaledClock(1e4, new Date('2027-01-04T09:00:00.000Z')),
      store: 'memory',
    });
    useRuntime(runtime);
    const put = await call('PUT', `/municipalities/${municipalityId}`, {
      claims: coordinatorBG,
      body: municipalityBody(),
    });
    expect(put.status).toBe(200);
    const started = await call('POST', '/cycles', {
      claims: coordinatorBG,
      body: { municipalityId, templateId: 'romact', clientToken: 'process-e2e' },
    });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const cycleId = started.body.cycleId as string;

    await complete(municipality, 'letter-of-commitment', outputs['commitment-letter']);
    const group = outputs['group-formation'].groups[0];
    await complete(municipality, 'form-groups', {
      groups: [
        {
          ...group,
          members: cagMembers,
          balance: { women: 3, men: 2, undisclosed: 0, under30: 1, over64: 0 },
        },
      ],
    });
    // Two priorities are not enough for this template (at least three): 422 naming the field, nothing stored.
    const scoring = await inboxTask(municipality, 'score-needs');
    const tooFew = await call('POST', `/tasks/${scoring.taskId}/complete`, {
      claims: municipality,
      body: { ...outputs.prioritisation, priorities: ['n1', 'n2'] },
    });
    expect(tooFew.status).toBe(422);
    expect(JSON.stringify(tooFew.body)).toContain('priorities');
    await complete(municipality, 'score-needs', outputs.prioritisation);

    // The first meeting decides something for the municipality: it becomes a follow-up task in its inbox.
    const firstMeeting = await complete(cag, 'meeting-minutes', outputs.meetingMore);
    const followUp = await inboxTask(municipality, 'meeting-minutes', 'follow-up');
    expect(followUp).toMatchObject({ taskId: `${firstMeeting.taskId}.d1`, assignee: 'municipality' });
    expect(followUp.title).toEqual({ en: 'Ask the utility for a water connection offer' });
    const done = await call('POST', `/tasks/${followUp.taskId}/complete`, {
      claims: municipality,
      body: outputs['follow-up-report'],
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const secondMeeting = await complete(cag, 'meeting-minutes', outputs.meetingDone);
    expect(secondMeeting.taskId).toBe(`${firstMeeting.taskId}.m1`);

    await complete(municipality, 'joint-plan', outputs['joint-plan']);
    await complete(cag, 'cag-endorsement', outputs.approve);
    await complete(municipality, 'municipality-endorsement', outputs.approve);
    await complete(municipality, 'council-decision', outputs.adopted);
    await complete(municipality, 'project-fiches', outputs['project-fiches']);
    const application = outputs['application-outcomes'].applications[0];
    await complete(municipality, 'application-outcomes', {
      applications: [
        {
          fiche: application.fiche,
          reference: application.reference,
          submittedOn: application.submittedOn,
          status: 'submitted',
        },
      ],
    });
    await complete(municipality, 'application-outcomes', outputs['application-outcomes']);

    const firstPeriod = { ...outputs['indicator-report'], periodEnd: '2026-09-30', next: 'another-period' };
    await complete(municipality, 'implementation-progress', outputs['implementation-progress']);
    await complete(municipality, 'indicator-report', {
      ...firstPeriod,
      values: [{ indicator: 'i1', actual: 9 }],
    });
    await complete(municipality, 'implementation-progress', outputs['implementation-progress']);
    await complete(municipality, 'indicator-report', {
      ...outputs['indicator-report'],
      periodStart: '2026-10-01',
      values: [{ indicator: 'i1', actual: 18 }],
    });
    await complete(municipality, 'monitoring-report', outputs.nextCycle);

    const finished = await eventually(async () => {
      const cycle = (await call('GET', `/cycles/${cycleId}`, { claims: coordinatorBG })).body;
      return cycle.status === 'COMPLETED' && cycle.nextCycleId ? cycle : undefined;
    }, 60_000);

    const results = await call('GET', `/cycles/${cycleId}/results`, { claims: cag });
    expect(results.status).toBe(200);
    const { chain } = results.body;
    expect(chain.priorities.map((priority: any) => priority.id)).toEqual(['n1', 'n2', 'n3']);
    expect(chain.meetings).toBe(2);
    expect(chain.decisions).toEqual([
      expect.objectContaining({ taskId: followUp.taskId, status: 'COMPLETED', linksTo: 'n1' }),
    ]);
    expect(chain.actions[0]).toMatchObject({
      id: 'a1',
      priority: 'n1',
      fiches: [{ id: 'f1', application: { status: 'awarded', amountAwarded: 100000 } }],
      indicators: [
        { id: 'i1', baseline: 0, target: 40, latest: 18, actuals: [{ actual: 9 }, { actual: 18 }] },
      ],
    });

    // The next cycle starts from this one's results: the open action and the indicator's latest value.
    const next = await call('GET', `/cycles/${finished.nextCycleId}/results`, { claims: municipality });
    expect(next.status).toBe(200);
    expect(next.body).toMatchObject({
      templateId: 'romact',
      templateVersion: 2,
      carriedOver: {
        fromCycleId: cycleId,
        openActions: [{ id: 'a1', status: 'in-progress', percentDone: 40 }],
        indicators: [{ id: 'i1', target: 40, latest: 18 }],
      },
    });
  }, 120_000);
});
