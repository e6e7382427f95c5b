import { describe, expect, it } from 'vitest';
import {
  decisionOutputs,
  type OutputContext,
  outcomeOutputs,
  type TaskOutputName,
  taskOutputNames,
  taskOutputs,
} from '#shared/domain/model/task-outputs.ts';
import { exampleOutputs } from '#workflows/templates/examples.ts';

/** A cycle in Sofia that started on 4 January 2027, judged at 00:30 on 5 January in Sofia (22:30 UTC on the 4th). */
const context: OutputContext = {
  parameters: { minCagMembersPresent: 3 },
  cycleStartedAt: '2027-01-04T09:00:00.000Z',
  dates: { fundingCallClosesAt: '2027-01-31T21:59:59.999Z' },
  timeZone: 'Europe/Sofia',
  now: new Date('2027-01-04T22:30:00.000Z'),
};

const check = (name: TaskOutputName, output: unknown, at: OutputContext = context) => {
  const kind = taskOutputs[name];
  const parsed = kind.schema.safeParse(output);
  if (!parsed.success) return { invalid: parsed.error.issues.map((issue) => issue.path.join('.')).sort() };
  const rules = 'rules' in kind && kind.rules ? kind.rules(parsed.data as never, at) : [];
  return { broken: rules.map((violation) => violation.path), summary: kind.summarize(parsed.data as never) };
};

describe('task outputs', () => {
  it('accept the example of each, and send the workflow only what its choices read', () => {
    expect(check('needs-assessment', exampleOutputs['needs-assessment'])).toEqual({
      broken: [],
      summary: {},
    });
    expect(check('approval-decision', exampleOutputs.approve)).toEqual({
      broken: [],
      summary: { decision: 'approve' },
    });
    expect(check('approval-decision', exampleOutputs.reject)).toEqual({
      broken: [],
      summary: { decision: 'reject' },
    });
    expect(check('monitoring-report', exampleOutputs.close).summary).toEqual({ outcome: 'close' });
    expect(check('stall-resolution', exampleOutputs.cancel).summary).toEqual({ action: 'cancel' });
  });

  it('know which outputs carry a decision and which an outcome', () => {
    expect([...decisionOutputs]).toEqual(['approval-decision', 'council-decision']);
    expect([...outcomeOutputs]).toEqual(['monitoring-report']);
    expect(taskOutputNames).toContain('stall-resolution');
  });

  it('need a reason for a rejection, and for submitting no funding application', () => {
    expect(
      check('approval-decision', { decision: 'reject', decisionReference: 'D', decidedOn: '2027-01-04' }),
    ).toEqual({ invalid: ['reason'] });
    expect(check('funding-applications', { applications: [] })).toEqual({ invalid: ['noApplicationReason'] });
    expect(
      check('funding-applications', { applications: [], noApplicationReason: 'No call open' }).broken,
    ).toEqual([]);
  });

  it('refuse more CAG members present than participants', () => {
    expect(
      check('community-consultation', {
        ...exampleOutputs['community-consultation'],
        meetings: [{ date: '2027-01-04', participants: 2, cagMembersPresent: 3 }],
      }),
    ).toEqual({ invalid: ['meetings.0.cagMembersPresent'] });
  });
});

describe('task output rules', () => {
  const meeting = (date: string, cagMembersPresent = 5) => ({
    ...exampleOutputs['community-consultation'],
    meetings: [{ date, participants: 40, cagMembersPresent }],
  });

  it('need the template’s minimum of CAG members at each meeting', () => {
    expect(check('community-consultation', meeting('2027-01-04', 2)).broken).toEqual([
      'meetings.0.cagMembersPresent',
    ]);
    expect(
      check('community-consultation', meeting('2027-01-04', 2), { ...context, parameters: {} }).broken,
    ).toEqual([]);
  });

  it('read “today” in the municipality’s time zone: the 5th is already today in Sofia, the 6th is the future', () => {
    expect(check('community-consultation', meeting('2027-01-05')).broken).toEqual([]);
    expect(check('community-consultation', meeting('2027-01-06')).broken).toEqual(['meetings.0.date']);
    expect(
      check('community-consultation', meeting('2027-01-05'), { ...context, timeZone: 'UTC' }).broken,
    ).toEqual(['meetings.0.date']);
  });

  it('refuse a date more than a year before the cycle started (a typing error)', () => {
    expect(check('approval-decision', { ...exampleOutputs.approve, decidedOn: '2026-01-04' }).broken).toEqual(
      [],
    );
    expect(check('approval-decision', { ...exampleOutputs.approve, decidedOn: '2026-01-03' }).broken).toEqual(
      ['decidedOn'],
    );
    expect(check('visit-report', { visitedOn: '2016-01-03', recommendations: ['x'] }).broken).toEqual([
      'visitedOn',
    ]);
  });

  it('refuse an application submitted after the funding call closed, on the local closing date', () => {
    const application = (submittedOn: string) => ({
      applications: [{ ...exampleOutputs['funding-applications'].applications[0], submittedOn }],
    });
    const later = { ...context, now: new Date('2027-03-01T09:00:00.000Z') };
    expect(check('funding-applications', application('2027-01-31'), later).broken).toEqual([]);
    expect(check('funding-applications', application('2027-02-01'), later).broken).toEqual([
      'applications.0.submittedOn',
    ]);
  });

  it('need a resumed deadline in the future and within the planning horizon, read in the municipality’s time zone', () => {
    expect(check('stall-resolution', { action: 'resume', dueAt: '2027-01-05' }).broken).toEqual([]); // end of the 5th in Sofia
    expect(check('stall-resolution', { action: 'resume', dueAt: '2027-01-04' }).broken).toEqual(['dueAt']);
    expect(check('stall-resolution', { action: 'resume', dueAt: '2037-01-04' }).broken).toEqual([]);
    expect(check('stall-resolution', { action: 'resume', dueAt: '2037-01-06' }).broken).toEqual(['dueAt']);
    expect(check('stall-resolution', { action: 'resume', dueAt: 'next week' })).toEqual({
      invalid: ['dueAt'],
    });
  });
});
