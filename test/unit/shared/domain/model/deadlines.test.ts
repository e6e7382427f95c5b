import { describe, expect, it } from 'vitest';
import { manualClock, scaledClock } from '#shared/domain/clock.ts';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import { planDueAt, planHardStop, requestFor, timerSeconds } from '#shared/domain/model/deadlines.ts';
import type { TaskTemplate } from '#shared/domain/model/template.ts';
import { romactTemplate } from '#workflows/templates/romact.ts';

const phaseStart = new Date('2027-01-04T09:00:00.000Z');
const task: TaskTemplate = {
  key: 'funding-applications',
  title: { en: 'Apply' },
  assignee: 'municipality',
  due: { after: 'P60D', unlessDate: 'fundingCallClosesAt' },
  output: 'funding-applications',
};
const cycle = (fields: Partial<Cycle> = {}) => ({ dates: {}, dueOverrides: {}, ...fields }) as Cycle;

describe('planDueAt', () => {
  it('is the template’s offset from the phase start', () => {
    expect(planDueAt(cycle(), task, phaseStart).toISOString()).toBe('2027-03-05T09:00:00.000Z');
  });

  it('is the date the cycle was given instead, when the template names one', () => {
    const given = cycle({ dates: { fundingCallClosesAt: '2027-09-30T20:59:59.999Z' } });
    expect(planDueAt(given, task, phaseStart).toISOString()).toBe('2027-09-30T20:59:59.999Z');
  });

  it('is the cycle’s own offset above all', () => {
    const overridden = cycle({
      dates: { fundingCallClosesAt: '2027-09-30T20:59:59.999Z' },
      dueOverrides: { 'funding-applications': 'P10D' },
    });
    expect(planDueAt(overridden, task, phaseStart).toISOString()).toBe('2027-01-14T09:00:00.000Z');
  });
});

describe('planHardStop', () => {
  it('is the task’s own grace after the due date, else the template’s', () => {
    const due = new Date('2027-03-05T09:00:00.000Z');
    const own = planHardStop(romactTemplate, { ...task, hardStopAfter: 'P7D' }, due);
    expect(own.toISOString()).toBe('2027-03-12T09:00:00.000Z');
    const fallback = planHardStop(romactTemplate, task, due);
    expect(fallback.getTime()).toBeGreaterThan(due.getTime());
    expect(fallback.toISOString()).not.toBe(own.toISOString());
  });
});

describe('timerSeconds', () => {
  it('waits until the instant, at least one second, at most the engine’s longest timer', () => {
    const clock = manualClock(phaseStart);
    expect(timerSeconds(clock, '2027-01-04T10:00:00.000Z', 1e9)).toBe(3_600);
    expect(timerSeconds(clock, '2027-01-04T08:00:00.000Z', 1e9)).toBe(1);
    expect(timerSeconds(clock, '2028-01-04T09:00:00.000Z', 86_400)).toBe(86_400);
  });

  it('runs faster on a demo clock', () => {
    const clock = scaledClock(86_400, phaseStart, Date.now());
    expect(timerSeconds(clock, new Date(phaseStart.getTime() + 10 * 86_400_000), 1e9)).toBeLessThanOrEqual(
      11,
    );
  });
});

describe('requestFor', () => {
  const stored = {
    taskId: 'cyc-1.x.r0',
    cycleId: 'cyc-1',
    phase: 'funding',
    taskKey: 'x',
    revision: 0,
    kind: 'task' as const,
    dueAt: '2027-03-05T09:00:00.000Z',
    hardStopAt: '2027-04-04T09:00:00.000Z',
  };

  it('waits until the hard stop', () => {
    const request = requestFor(stored, manualClock(phaseStart), { maxTimerSeconds: 1e9 });
    expect(request).toEqual({ ...stored, timeoutSeconds: 90 * 86_400 });
  });

  it('waits no longer than the execution’s chain age', () => {
    const chainAt = new Date('2027-01-14T09:00:00.000Z');
    expect(
      requestFor(stored, manualClock(phaseStart), { maxTimerSeconds: 1e9, chainAt }).timeoutSeconds,
    ).toBe(10 * 86_400);
  });
});
