import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/domain/errors.ts';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import { phaseStarted } from '#shared/domain/usecases/steps/phase-started.ts';
import { extendTask } from '#shared/domain/usecases/tasks/extend-task.ts';
import {
  auditTypes,
  callers,
  DAY,
  givenCycle,
  givenMunicipality,
  rejection,
  runPhase,
  storedCycle,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;
let cycle: Cycle;
beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  cycle = await givenCycle(env, {
    dates: { fundingCallClosesAt: '2027-09-30' },
    dueOverrides: { 'community-consultation': 'P20D' },
  });
});

const start = (phase: string, revision = 0, executionId = cycle.executionId ?? '') =>
  phaseStarted(env.ports, {
    cycleId: cycle.cycleId,
    phase,
    revision,
    templateVersion: cycle.templateVersion,
    executionId,
    executionStartedAt: cycle.startedAt,
  });

describe('phaseStarted', () => {
  it('plans each task’s deadline from the phase start, and its hard stop after it', async () => {
    env.clock.advance(DAY);
    const { tasks } = await start('assessment');
    expect(tasks).toEqual([
      {
        taskId: `${cycle.cycleId}.needs-assessment.r0`,
        cycleId: cycle.cycleId,
        phase: 'assessment',
        taskKey: 'needs-assessment',
        revision: 0,
        kind: 'task',
        dueAt: '2027-03-06T09:00:00.000Z',
        hardStopAt: '2027-04-05T09:00:00.000Z',
        // The hard stop is 90 days away; the engine waits at most 24 days at a time.
        timeoutSeconds: env.engine.maxWaitSeconds,
      },
    ]);
  });

  it('uses the cycle’s due override and its dates instead of the template’s offsets', async () => {
    const [consultation] = (await start('consultation')).tasks;
    expect(consultation?.dueAt).toBe('2027-01-24T09:00:00.000Z');
    const [funding] = (await start('funding')).tasks;
    expect(funding?.dueAt).toBe('2027-09-30T20:59:59.999Z');
  });

  it('records the run once, points the cycle at it and announces the phase change once', async () => {
    await start('consultation', 1, 'exec:chained');
    env.clock.advance(60_000);
    await start('consultation', 1, 'exec:chained');

    expect(await storedCycle(env.ports, cycle.cycleId)).toMatchObject({
      currentPhase: 'consultation',
      revision: 1,
      executionId: 'exec:chained',
    });
    const record = await env.ports.cycles.record(cycle.cycleId);
    expect(record?.phases).toEqual([
      { cycleId: cycle.cycleId, phase: 'consultation', revision: 1, startedAt: '2027-01-04T09:00:00.000Z' },
    ]);
    expect(env.notifier.events.filter((event) => event.type === 'cycle.phase-changed')).toHaveLength(1);
    expect(
      (await auditTypes(env.ports, cycle.cycleId)).filter((type) => type === 'phase.started'),
    ).toHaveLength(1);
  });

  it('keeps the deadline of a task that is already open (a restart after an extension)', async () => {
    const [task] = await runPhase(env, cycle, 'assessment');
    await extendTask(env.ports, callers.coordinator, task?.taskId ?? '', {
      dueAt: '2027-05-31',
      reason: 'Later',
    });
    env.clock.advance(10 * DAY);
    const [again] = (await start('assessment')).tasks;
    expect(again?.dueAt).toBe('2027-05-31T20:59:59.999Z');
  });

  it('waits a timer that ends at the hard stop when that is sooner than the engine’s longest wait', async () => {
    const [task] = (await start('assessment')).tasks;
    env.clock.set(new Date(new Date(task?.hardStopAt ?? '').getTime() - 3_600_000));
    const [again] = (await start('assessment')).tasks;
    expect(again?.timeoutSeconds).toBe(3_600);
  });

  it('fails for a phase the template does not have, or an unknown cycle', async () => {
    expect(await rejection(start('no-such-phase'))).toBeInstanceOf(NotFoundError);
    const unknown = phaseStarted(env.ports, {
      cycleId: 'cyc-00000000000000000000',
      phase: 'assessment',
      revision: 0,
      templateVersion: 1,
      executionId: 'x',
      executionStartedAt: cycle.startedAt,
    });
    expect(await rejection(unknown)).toBeInstanceOf(NotFoundError);
  });
});
