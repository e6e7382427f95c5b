import { describe, expect, it } from 'vitest';
import { dueMoments, policyFor, scheduleFor } from '#shared/domain/notifications/schedule.ts';
import { romactTemplate } from '#workflows/templates/romact.ts';

const task = {
  taskId: 'cyc-1.needs-assessment.r0',
  phase: 'assessment',
  taskKey: 'needs-assessment',
  kind: 'task' as const,
  openedAt: '2027-01-01T09:00:00.000Z',
  dueAt: '2027-03-02T09:00:00.000Z',
  extensions: 0,
};
const policy = policyFor(romactTemplate, task);
const day = (n: number) => new Date(Date.parse('2027-01-01T09:00:00.000Z') + n * 86_400_000);

describe('scheduleFor', () => {
  it('assigns at opening, reminds 14, 3 and 1 days before, notices overdue at the due date and escalates 7 days later', () => {
    const moments = scheduleFor(task, policy);
    expect(
      moments.map((moment) => [moment.kind, moment.offset, moment.at.toISOString(), moment.audience]),
    ).toEqual([
      ['assigned', 'P0D', '2027-01-01T09:00:00.000Z', 'assignee'],
      ['reminder', 'P14D', '2027-02-16T09:00:00.000Z', 'assignee'],
      ['reminder', 'P3D', '2027-02-27T09:00:00.000Z', 'assignee'],
      ['reminder', 'P1D', '2027-03-01T09:00:00.000Z', 'assignee'],
      ['overdue', 'P0D', '2027-03-02T09:00:00.000Z', 'assignee'],
      ['escalated', 'P7D', '2027-03-09T09:00:00.000Z', 'coordinator'],
    ]);
    expect(new Set(moments.map((moment) => moment.id)).size).toBe(6);
  });

  it('sends nothing dated before the task opened', () => {
    const short = { ...task, dueAt: '2027-01-03T09:00:00.000Z' };
    expect(scheduleFor(short, policy).map((moment) => moment.kind)).toEqual([
      'assigned',
      'reminder',
      'overdue',
      'escalated',
    ]);
  });

  it('starts a new series after an extension, with new ids and no second assignment', () => {
    const extended = {
      ...task,
      extensions: 1,
      extendedAt: '2027-02-20T09:00:00.000Z',
      dueAt: '2027-04-01T09:00:00.000Z',
    };
    const moments = scheduleFor(extended, policy);
    expect(moments.map((moment) => moment.kind)).toEqual([
      'reminder',
      'reminder',
      'reminder',
      'overdue',
      'escalated',
    ]);
    expect(moments.every((moment) => moment.id.endsWith(':e1'))).toBe(true);
  });

  it('adds a second escalation when the policy asks for one', () => {
    const moments = scheduleFor(task, { ...policy, secondEscalationAfter: 'P14D' });
    expect(
      moments.filter((moment) => moment.kind === 'escalated').map((moment) => moment.at.toISOString()),
    ).toEqual(['2027-03-09T09:00:00.000Z', '2027-03-23T09:00:00.000Z']);
  });

  it('does not escalate a coordinator’s own task', () => {
    const stall = { ...task, kind: 'stall-resolution' as const };
    expect(
      scheduleFor(stall, policyFor(romactTemplate, stall)).some((moment) => moment.kind === 'escalated'),
    ).toBe(false);
  });
});

describe('dueMoments', () => {
  const moments = scheduleFor(task, policy);

  it('sends what fell due since the last sweep', () => {
    const result = dueMoments(moments, day(46), day(46));
    expect(result.send.map((moment) => moment.offset)).toEqual(['P14D']);
    expect(result.next?.toISOString()).toBe('2027-02-27T09:00:00.000Z');
  });

  it('folds missed moments into the latest one per audience instead of a burst', () => {
    const result = dueMoments(moments, day(50), new Date('2027-03-10T09:00:00.000Z'));
    expect(result.send.map((moment) => [moment.kind, moment.audience])).toEqual([
      ['overdue', 'assignee'],
      ['escalated', 'coordinator'],
    ]);
    expect(result.folded.map((moment) => moment.offset)).toEqual(['P3D', 'P1D']);
    expect(result.next).toBeUndefined();
  });
});
