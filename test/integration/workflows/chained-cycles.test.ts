import { afterEach, describe, expect, it } from 'vitest';
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

/**
 * A cycle longer than a year runs as a chain of executions, each younger than a year (Step Functions ends a
 * Standard execution at one year), and completes with no task, notification or audit event twice.
 */

afterEach(closeFastRuntime);

describe('A ROMACT cycle longer than a year runs as a chain of executions, each under a year', {
  timeout: 180_000,
}, () => {
  it('on time: the year-long review outlives the first execution, which hands it over once', async () => {
    const { clock, runtime: running } = await fastRuntime();
    const cycleId = await startCycle();
    await throughFunding();
    const review = await openTask(municipality, 'monitoring-report');
    const reviewDue = (Date.parse(review.dueAt) - ORIGIN.getTime()) / DAY;
    expect(reviewDue).toBeGreaterThan(360);

    // Act: the report arrives a fortnight before it is due, a year after the cycle started.
    await untilDay(clock, reviewDue - 14);
    const done = await complete(municipality, 'monitoring-report', outputs.close);

    // Assess
    expect(done.taskId).toBe(review.taskId);
    const cycle = await completedCycle(cycleId);
    const { executions, ages } = await chainOf(running, cycleId);
    expect(executions.length).toBeGreaterThanOrEqual(2);
    expect(Math.max(...ages)).toBeLessThanOrEqual(300 + 23 + 1);
    expectNothingTwice(running, cycle);
    console.info(
      `on time: ${executions.length} executions, ages ${ages.map((age) => age.toFixed(1)).join(', ')} days`,
    );
  });

  it('late with extensions: the review is extended far out and done late, across two hand-overs', async () => {
    const { clock, runtime: running } = await fastRuntime();
    const cycleId = await startCycle();
    await throughFunding();
    const review = await openTask(municipality, 'monitoring-report');

    // Act: near its due date the coordinator moves it almost a year further; it is done after the new date.
    // The review is due a year after its phase started (the cycle's first days went by at once).
    const startDay = (Date.parse(review.dueAt) - ORIGIN.getTime()) / DAY - 365;
    await untilDay(clock, startDay + 340);
    const extended = await call('POST', `/tasks/${review.taskId}/extend`, {
      claims: coordinatorBG,
      body: { dueAt: dateOn(startDay + 690), reason: 'Council elections' },
    });
    expect(extended.status, JSON.stringify(extended.body)).toBe(200);
    await untilDay(clock, startDay + 700);
    expect(dayOf(clock)).toBeGreaterThan(startDay + 690);
    await complete(municipality, 'monitoring-report', outputs.close);

    // Assess
    const cycle = await completedCycle(cycleId);
    const { executions, ages } = await chainOf(running, cycleId);
    expect(executions.length).toBeGreaterThanOrEqual(3);
    expectNothingTwice(running, cycle);
    const reviewEvents = cycle.audit.filter((event: any) => event.data?.taskId === review.taskId);
    expect(reviewEvents.map((event: any) => event.type)).toEqual(
      expect.arrayContaining(['task.opened', 'task.extended', 'task.completed']),
    );
    console.info(
      `late: ${executions.length} executions, ages ${ages.map((age) => age.toFixed(1)).join(', ')} days`,
    );
  });
});
