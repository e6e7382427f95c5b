import { afterEach, describe, expect, it } from 'vitest';
import { romactCoreTemplate } from '#workflows/templates/romact-core.ts';
import { call, coordinatorBG, outputs } from '../../support/api.ts';
import {
  chainOf,
  closeFastRuntime,
  complete,
  completedCycle,
  DAY,
  dateOn,
  dayOf,
  expectNothingTwice,
  fastRuntime,
  municipality,
  ORIGIN,
  openTask,
  startCycle,
  throughFunding,
  untilDay,
} from '../../support/fast-romact.ts';
import { eventually } from '../../support/runtime.ts';

/**
 * Chaining while a cycle waits for the coordinator, for a due date further than a year, and across a deploy.
 */

afterEach(closeFastRuntime);

describe('Chained executions, further cases', { timeout: 180_000 }, () => {
  it('stalled and resumed: the execution hands over while the cycle waits for the coordinator', async () => {
    const { clock, runtime: running } = await fastRuntime();
    // The assessment is due at day 250: its hard stop (day 280) stalls the cycle, and the coordinator's
    // window (until day 324) spans the first execution's chain age (day 300).
    const startDay = dayOf(clock);
    const cycleId = await startCycle({ dueOverrides: { 'needs-assessment': 'P250D' } });
    const stall = await openTask(coordinatorBG, 'needs-assessment', 'stall-resolution');
    expect(dayOf(clock)).toBeGreaterThan(startDay + 279);

    // Act: the coordinator resumes after the hand-over; the municipality then does the assessment.
    await untilDay(clock, startDay + 310);
    const resumed = await call('POST', `/tasks/${stall.taskId}/complete`, {
      claims: coordinatorBG,
      body: { action: 'resume', dueAt: dateOn(startDay + 345) },
    });
    expect(resumed.status, JSON.stringify(resumed.body)).toBe(200);
    await throughFunding();
    await complete(municipality, 'monitoring-report', outputs.close);

    // Assess
    const cycle = await completedCycle(cycleId);
    const { executions, ages } = await chainOf(running, cycleId);
    expect(executions.length).toBeGreaterThanOrEqual(2);
    expectNothingTwice(running, cycle);
    const types = cycle.audit.map((event: any) => event.type);
    expect(types.filter((type: string) => type === 'cycle.stalled')).toHaveLength(1);
    console.info(
      `stalled: ${executions.length} executions, ages ${ages.map((age) => age.toFixed(1)).join(', ')} days`,
    );
  });

  it('waits for a task due in 400 days across executions (a wait longer than a year is split, not refused)', async () => {
    const { clock, runtime: running } = await fastRuntime();
    const cycleId = await startCycle({ dueOverrides: { 'needs-assessment': 'P400D' } });
    const assessment = await openTask(municipality, 'needs-assessment');
    const due = (Date.parse(assessment.dueAt) - ORIGIN.getTime()) / DAY;
    expect(due).toBeGreaterThan(399);

    // Act: done a few days before its date, more than a year after the cycle started.
    await untilDay(clock, due - 5);
    await throughFunding();
    await complete(municipality, 'monitoring-report', outputs.close);

    // Assess
    const cycle = await completedCycle(cycleId);
    const { executions, ages } = await chainOf(running, cycleId);
    expect(executions.length).toBeGreaterThanOrEqual(2);
    expect(dayOf(clock)).toBeGreaterThan(390);
    expectNothingTwice(running, cycle);
    console.info(
      `400 days: ${executions.length} executions, ages ${ages.map((age) => age.toFixed(1)).join(', ')} days`,
    );
  });
});

describe('A chained cycle keeps its state machine version after a deploy', { timeout: 120_000 }, () => {
  it('continues on version 1 across a chain while new cycles start on version 2', async () => {
    const { clock, runtime: running } = await fastRuntime();
    const first = await startCycle();
    await throughFunding();
    await openTask(municipality, 'monitoring-report');

    // Act: version 2 is deployed (its review is due in 200 days); then the first cycle's execution chains.
    // The cycles start on `romact-core` (the template a cycle gets when none is named).
    const version2 = { ...romactCoreTemplate, version: 2 };
    version2.phases = romactCoreTemplate.phases.map((phase) =>
      phase.key === 'review'
        ? { ...phase, tasks: phase.tasks.map((task) => ({ ...task, due: { after: 'P200D' } })) }
        : phase,
    ) as typeof romactCoreTemplate.phases;
    running.deploy(version2);
    const firstStart = running.engine
      .list()
      .find((execution) => execution.input.cycleId === first)?.startedAt;
    await untilDay(clock, (Date.parse(firstStart ?? '') - ORIGIN.getTime()) / DAY + 330);
    const firstCycle = (await call('GET', `/cycles/${first}`, { claims: coordinatorBG })).body;
    const second = await startCycle({ parallel: true });

    // Assess: the first cycle's executions all run version 1, the new cycle runs version 2.
    const versions = running.engine
      .list()
      .filter((execution) => execution.input.cycleId === first)
      .map((execution) => execution.version);
    expect(versions.length).toBeGreaterThanOrEqual(2);
    expect(new Set(versions)).toEqual(
      new Set([running.engine.liveVersion('romact-core')?.replace(/:2$/, ':1')]),
    );
    expect(firstCycle.templateVersion).toBe(1);
    const secondExecution = await eventually(async () =>
      running.engine.list().find((execution) => execution.input.cycleId === second),
    );
    expect(secondExecution.version).toBe(running.engine.liveVersion('romact-core'));
    expect(secondExecution.version).toMatch(/:2$/);
    // The first cycle's review keeps version 1's due date (a year), not version 2's (200 days).
    const review = await openTask(municipality, 'monitoring-report');
    expect(review.cycleId).toBe(first);
    expect((Date.parse(review.dueAt) - ORIGIN.getTime()) / DAY).toBeGreaterThan(360);
  });
});
