import { beforeEach, describe, expect, it } from 'vitest';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import { chainExecution } from '#shared/domain/ops/chain-execution.ts';
import {
  DAY,
  givenCycle,
  givenMunicipality,
  storedCycle,
  type UnitEnv,
  unitPorts,
} from '../../../../support/unit-ports.ts';

let env: UnitEnv;
let cycle: Cycle;
let old: { executionId: string };

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  cycle = await givenCycle(env);
  old = { executionId: cycle.executionId as string };
  env.clock.advance(300 * DAY);
});

const chain = (from = old, request = { phase: 'consultation', revision: 1 }) =>
  chainExecution(env.ports, cycle, from, request);

describe('chainExecution', () => {
  it('starts a fresh execution on the cycle’s version that resumes the phase, and moves the cycle onto it', async () => {
    await chain();

    const fresh = env.engine.started.at(-1);
    expect(fresh).toMatchObject({
      templateId: 'romact-core',
      version: cycle.stateMachineVersion,
      input: { cycleId: cycle.cycleId, revision: { count: 1 }, resumeAt: 'consultation' },
    });
    expect(fresh?.key.startsWith(`${cycle.executionName}-`)).toBe(true);
    const moved = await storedCycle(env.ports, cycle.cycleId);
    expect(moved.executionId).toBe(`exec:romact-core:${fresh?.key}`);
    expect(moved.executionStartedAt).toBe(env.clock.now().toISOString());
    expect(moved.stateMachineVersion).toBe(cycle.stateMachineVersion);
  });

  it('starts one execution when several branches of the phase reach the age together', async () => {
    const before = env.engine.started.length;
    await chain();
    await chain();
    expect(env.engine.started.length).toBe(before + 1);
  });

  it('names the fresh execution after the old one: a later chain starts another', async () => {
    await chain();
    const first = env.engine.started.at(-1)?.key;
    const moved = await storedCycle(env.ports, cycle.cycleId);
    await chainExecution(
      env.ports,
      moved,
      { executionId: moved.executionId as string },
      { phase: 'consultation', revision: 1 },
    );
    expect(env.engine.started.at(-1)?.key).not.toBe(first);
  });

  it('does not move a cycle that another execution has taken over meanwhile', async () => {
    await env.ports.cycles.update(await storedCycle(env.ports, cycle.cycleId), { executionId: 'exec:newer' });
    await chain();
    expect((await storedCycle(env.ports, cycle.cycleId)).executionId).toBe('exec:newer');
  });

  it('continues nothing for a cycle that has ended', async () => {
    const before = env.engine.started.length;
    cycle = await env.ports.cycles.update(await storedCycle(env.ports, cycle.cycleId), {
      status: 'CANCELLED',
    });
    await chain();
    expect(env.engine.started.length).toBe(before);
  });

  it('records the version it started on for a cycle that had none', async () => {
    const { stateMachineVersion: _none, ...unversioned } = await storedCycle(env.ports, cycle.cycleId);
    cycle = await env.ports.cycles.update(unversioned as Cycle, { stateMachineVersion: undefined });
    await chain();
    expect((await storedCycle(env.ports, cycle.cycleId)).stateMachineVersion).toBe(
      'romact-core:live-version',
    );
  });
});
