import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/domain/errors.ts';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import { requestFor } from '#shared/domain/model/deadlines.ts';
import type { Task } from '#shared/domain/model/task.ts';
import { endCycle } from '#shared/domain/ops/end-cycle.ts';
import { deadlineCheck } from '#shared/domain/usecases/steps/deadline-check.ts';
import { completeTask } from '#shared/domain/usecases/tasks/complete-task.ts';
import { extendTask } from '#shared/domain/usecases/tasks/extend-task.ts';
import { exampleOutputs } from '#workflows/templates/examples.ts';
import {
  auditTypes,
  callers,
  DAY,
  executionOf,
  givenCycle,
  givenMunicipality,
  rejection,
  runPhase,
  stallOn,
  stored,
  storedCycle,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;
let cycle: Cycle;
let assessment: Task;
beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  cycle = await givenCycle(env);
  [assessment] = (await runPhase(env, cycle, 'assessment')) as [Task];
});

/** The timer of `task` fires now. */
const fire = async (task: Task) =>
  deadlineCheck(env.ports, {
    request: requestFor(task, env.clock, { maxTimerSeconds: env.engine.maxWaitSeconds }),
    ...executionOf(cycle),
  });
const afterHardStop = (task: Task) => env.clock.set(new Date(new Date(task.hardStopAt).getTime() + 60_000));
const stored_ = (taskId: string) => stored(env.ports, taskId);
const status = async () => (await storedCycle(env.ports, cycle.cycleId)).status;

describe('deadlineCheck', () => {
  describe('a task’s timer', () => {
    it('waits again when the engine’s longest timer ran out before the hard stop', async () => {
      env.clock.advance(24 * DAY);
      const decision = await fire(assessment);
      expect(decision.action).toBe('wait');
      expect(decision.request).toMatchObject({
        taskId: assessment.taskId,
        hardStopAt: assessment.hardStopAt,
      });
      expect(await status()).toBe('RUNNING');
    });

    it('waits on the new hard stop when the deadline was extended meanwhile', async () => {
      const stale = assessment;
      await extendTask(env.ports, callers.coordinator, assessment.taskId, {
        dueAt: '2027-06-30',
        reason: 'x',
      });
      afterHardStop(stale);
      const decision = await fire(stale);
      expect(decision).toMatchObject({
        action: 'wait',
        request: { dueAt: '2027-06-30T20:59:59.999Z', hardStopAt: '2027-07-30T20:59:59.999Z' },
      });
      expect(await status()).toBe('RUNNING');
    });

    it('waits (and the completion is delivered) when the task was completed while its token was gone', async () => {
      env.engine.gone.add(assessment.taskToken ?? '');
      await completeTask(
        env.ports,
        callers.municipality,
        assessment.taskId,
        exampleOutputs['needs-assessment'],
      );
      afterHardStop(assessment);
      expect((await fire(assessment)).action).toBe('wait');
      expect(await status()).toBe('RUNNING');
    });

    it('stalls the cycle past the hard stop and asks for a coordinator’s stall task', async () => {
      afterHardStop(assessment);
      const decision = await fire(assessment);

      expect(decision.action).toBe('stall');
      const stallId = `${assessment.taskId}.stall-${new Date(assessment.hardStopAt).getTime() / 1000}`;
      expect(decision.request).toMatchObject({
        taskId: stallId,
        kind: 'stall-resolution',
        taskKey: 'needs-assessment',
        // The coordinator has the template's 14 days to answer, and 30 more before the cycle is abandoned.
        dueAt: new Date(env.clock.now().getTime() + 14 * DAY).toISOString(),
        hardStopAt: new Date(env.clock.now().getTime() + 44 * DAY).toISOString(),
      });
      expect(await status()).toBe('STALLED');
      expect(await auditTypes(env.ports, cycle.cycleId)).toContain('cycle.stalled');
    });

    it('asks for the same stall task when it fires again (a retried step)', async () => {
      const stall = await stallOn(env, assessment);
      env.clock.advance(DAY);
      const again = await fire(assessment);
      expect(again).toMatchObject({ action: 'stall', request: { taskId: stall.taskId, dueAt: stall.dueAt } });
    });

    it('fails for an unknown task', async () => {
      const ghost = { ...assessment, taskId: `${cycle.cycleId}.ghost.r0` };
      expect(await rejection(fire(ghost))).toBeInstanceOf(NotFoundError);
    });
  });

  describe('a stall task’s timer', () => {
    let stall: Task;
    beforeEach(async () => {
      stall = await stallOn(env, assessment);
    });

    it('keeps the cycle stalled while the coordinator still has time', async () => {
      env.clock.advance(20 * DAY);
      const decision = await fire(stall);
      expect(decision).toMatchObject({ action: 'stall', request: { taskId: stall.taskId } });
      expect(await status()).toBe('STALLED');
    });

    it('resumes the stalled task when it was extended meanwhile: the stall task is superseded', async () => {
      // An extension through the store, as an older engine version made it (no resolution of the stall task).
      const current = await stored(env.ports, assessment.taskId);
      await env.ports.tasks.update(current, {
        dueAt: '2027-06-30T20:59:59.999Z',
        hardStopAt: '2027-07-30T20:59:59.999Z',
      });
      const decision = await fire(stall);
      expect(decision).toMatchObject({ action: 'wait', request: { taskId: assessment.taskId } });
      expect((await stored(env.ports, stall.taskId)).status).toBe('CANCELLED');
      expect(await status()).toBe('RUNNING');
    });

    it('resumes the stalled task when it was completed meanwhile', async () => {
      await completeTask(
        env.ports,
        callers.municipality,
        assessment.taskId,
        exampleOutputs['needs-assessment'],
      );
      const decision = await fire(stall);
      expect(decision.action).toBe('wait');
      expect(await status()).toBe('RUNNING');
    });

    it('abandons the cycle when the coordinator’s window closed too, closing the stall task', async () => {
      afterHardStop(stall);
      const decision = await fire(stall);
      expect(decision.action).toBe('abandon');
      expect(await stored(env.ports, stall.taskId)).toMatchObject({ status: 'CANCELLED' });
      const record = await env.ports.cycles.record(cycle.cycleId);
      expect(
        record?.audit.find((event) => event.eventId === `task.cancelled:${stall.taskId}`)?.data,
      ).toMatchObject({
        reason: 'expired',
      });
    });
  });

  describe('an execution at its chain age', () => {
    it('caps every wait at the execution’s chain age, well inside Step Functions’ year', async () => {
      await extendTask(env.ports, callers.coordinator, assessment.taskId, {
        dueAt: '2028-06-30',
        reason: 'far out',
      });
      env.clock.advance(290 * DAY);
      const decision = await fire(await stored(env.ports, assessment.taskId));
      expect(decision.action).toBe('wait');
      // Ten days to the chain age (P300D from the execution's start), not the hard stop in 2028.
      expect(decision.request.timeoutSeconds).toBe(10 * 86_400);
    });

    it('starts one fresh execution on the cycle’s version, resuming the phase, and says "chain"', async () => {
      env.clock.advance(300 * DAY);
      const first = await fire(assessment);
      const again = await fire(assessment);

      expect(first).toMatchObject({ action: 'chain', request: { taskId: assessment.taskId } });
      expect(again.action).toBe('chain');
      const continuations = env.engine.started.filter((start) => start.input.resumeAt);
      expect(continuations).toEqual([
        {
          templateId: 'romact-core',
          key: expect.stringMatching(new RegExp(`^${cycle.executionName}-[0-9a-f]{10}$`)),
          input: { cycleId: cycle.cycleId, revision: { count: 0 }, resumeAt: 'assessment' },
          version: 'romact-core:live-version',
        },
      ]);
      const stored = await storedCycle(env.ports, cycle.cycleId);
      expect(stored.executionId).toBe(`exec:romact-core:${continuations[0]?.key}`);
      expect(stored.executionStartedAt).toBe(env.clock.now().toISOString());
      // Nothing about the task changed: the fresh execution finds it by its id.
      expect(await stored_(assessment.taskId)).toMatchObject({ status: 'OPEN', dueAt: assessment.dueAt });
    });

    it('starts nothing for a cycle that has ended: its execution just ends', async () => {
      await endCycle(env.ports, cycle.cycleId, 'CANCELLED', 'test', {
        eventId: 'cycle.cancelled',
        type: 'cycle.cancelled',
        actor: { kind: 'workflow' },
        data: {},
      });
      env.clock.advance(300 * DAY);
      expect((await fire(assessment)).action).toBe('chain');
      expect(env.engine.started.filter((start) => start.input.resumeAt)).toEqual([]);
    });
  });
});
