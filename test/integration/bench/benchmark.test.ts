import { describe, expect, it } from 'vitest';
import { runBenchmark } from '../../../bench/benchmark.ts';

/** Not a timing test: the bench runs with tiny numbers and its figures must be complete and consistent. */
describe('npm run bench (tiny numbers)', () => {
  it('produces every figure, non-zero counts, and the same transitions for cycles of the same path', async () => {
    const result = await runBenchmark({ cycles: 12, concurrency: 3, openTasks: 30, seed: 7 });

    expect(result.throughput.cycles).toBe(12);
    expect(result.throughput.revisedCycles).toBeGreaterThan(0);
    expect(result.throughput.cyclesPerSecond).toBeGreaterThan(0);
    const per = result.throughput.perCycle;
    for (const value of [
      per.stateTransitions,
      per.stepLambdaInvocations,
      per.readUnits,
      per.writeUnits,
      per.notifications,
    ]) {
      expect(value).toBeGreaterThan(0);
    }
    // Each path takes one fixed route through the state machine.
    expect(per.transitionsByPath.plain).toHaveLength(1);
    expect(per.transitionsByPath.revised).toHaveLength(1);
    expect(per.transitionsByPath.revised[0]).toBeGreaterThan(per.transitionsByPath.plain[0] ?? 0);
    expect(per.lambdaInvocations.openTask).toBeGreaterThanOrEqual(6);
    for (const latency of [result.throughput.latencyMs.complete, result.throughput.latencyMs.inbox]) {
      expect(latency.samples).toBeGreaterThan(0);
      expect(latency.p50).toBeLessThanOrEqual(latency.p95);
      expect(latency.p95).toBeLessThanOrEqual(latency.p99);
    }
    expect(result.costPerCycleUsd.map((cost) => cost.region)).toEqual(['eu-central-1', 'eu-south-1']);
    for (const cost of result.costPerCycleUsd) {
      expect(cost.totalWithoutSms).toBeCloseTo(
        cost.stepFunctions + cost.lambda + cost.dynamodb + cost.email,
        5,
      );
      expect(cost.stepFunctions).toBeGreaterThan(0);
    }
    expect(result.sweep.map((sweep) => [sweep.shards, sweep.openTasks])).toEqual([
      [1, 10],
      [1, 30],
      [1, 300],
      [16, 10],
      [16, 30],
      [16, 300],
    ]);
    for (const sweep of result.sweep) {
      expect(sweep.due).toBe(10);
      expect(sweep.queries).toBe(sweep.shards);
    }
    // Units say how they were counted: on dynalite, computed with every index.
    expect(result.units.write).toMatch(/^computed from the table definition/);
    // Floor (a) replays the run's own requests (a cycle makes dozens).
    expect(result.floor.storeReplayRequests).toBeGreaterThan(12 * 20);
    expect(result.floor.storeReplayMs).toBeGreaterThan(0);
    expect(result.floor.interpreterMsPerCycle).toBeGreaterThan(0);
    expect(result.peakRssMb).toBeGreaterThan(0);
  }, 180_000);
});
