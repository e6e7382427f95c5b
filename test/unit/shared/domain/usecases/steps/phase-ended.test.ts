import { beforeEach, describe, expect, it } from 'vitest';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import { executionNameFor, phaseEnded } from '#shared/domain/usecases/steps/phase-ended.ts';
import {
  DAY,
  givenCycle,
  givenMunicipality,
  runPhase,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;
let cycle: Cycle;
beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  cycle = await givenCycle(env);
  await runPhase(env, cycle, 'plan-approval');
});

const end = (
  results: Parameters<typeof phaseEnded>[1]['results'] = [],
  executionStartedAt = cycle.startedAt,
) =>
  phaseEnded(env.ports, {
    cycleId: cycle.cycleId,
    phase: 'plan-approval',
    revision: 0,
    results,
    executionStartedAt,
  });

describe('phaseEnded', () => {
  it('ends the phase run once and records the decisions taken in it', async () => {
    env.clock.advance(DAY);
    const decisions = [
      { taskId: 'a', decision: 'approve' as const },
      { taskId: 'b', decision: 'reject' as const },
    ];
    await end(decisions);
    env.clock.advance(DAY);
    await end(decisions);

    const record = await env.ports.cycles.record(cycle.cycleId);
    expect(record?.phases).toEqual([
      expect.objectContaining({ phase: 'plan-approval', endedAt: '2027-01-05T09:00:00.000Z' }),
    ]);
    const ended = record?.audit.filter((event) => event.type === 'phase.ended') ?? [];
    expect(ended).toHaveLength(1);
    expect(ended[0]?.data).toEqual({ phase: 'plan-approval', revision: 0, decisions });
  });

  it('chains to a fresh execution once this one is older than the template’s chainAfter', async () => {
    env.clock.advance(299 * DAY);
    expect((await end()).chain).toBe(false);
    env.clock.advance(DAY);
    const { chain, chainName } = await end();
    expect(chain).toBe(true);
    expect(chainName).toBe(`${cycle.cycleId}-plan-approval-r0`);
  });
});

describe('executionNameFor', () => {
  it('keeps a Step Functions execution name within 80 characters of the allowed alphabet, deterministically', () => {
    const long = `${'cyc-0123456789abcdef0123'}-${'a-very-long-phase-key'.repeat(5)}-r12`;
    const name = executionNameFor(long);
    expect(name).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
    expect(name).toBe(executionNameFor(long));
    expect(executionNameFor(`${long}x`)).not.toBe(name);
    expect(executionNameFor('a.b c')).toBe('a-b-c');
  });
});
