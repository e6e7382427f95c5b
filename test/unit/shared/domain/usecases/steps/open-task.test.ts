import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/domain/errors.ts';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import type { TaskRequest } from '#shared/domain/model/task-request.ts';
import { openTask } from '#shared/domain/usecases/steps/open-task.ts';
import { phaseStarted } from '#shared/domain/usecases/steps/phase-started.ts';
import { completeTask } from '#shared/domain/usecases/tasks/complete-task.ts';
import { exampleOutputs } from '#workflows/templates/examples.ts';
import {
  auditTypes,
  callers,
  givenCycle,
  givenMunicipality,
  rejection,
  stallOn,
  stored,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;
let cycle: Cycle;
let request: TaskRequest;
beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  cycle = await givenCycle(env);
  [request] = (
    await phaseStarted(env.ports, {
      cycleId: cycle.cycleId,
      phase: 'assessment',
      revision: 0,
      templateVersion: cycle.templateVersion,
      executionId: cycle.executionId ?? '',
      executionStartedAt: cycle.startedAt,
    })
  ).tasks as [TaskRequest];
});

describe('openTask', () => {
  it('stores the task on its token, audits it and tells the assignee at once', async () => {
    const opened = await openTask(env.ports, { ...request, taskToken: 'token-1' });

    expect(opened).toEqual({ taskId: request.taskId, created: true });
    expect(await stored(env.ports, request.taskId)).toMatchObject({
      status: 'OPEN',
      assignee: 'municipality',
      output: 'needs-assessment',
      dueAt: request.dueAt,
      hardStopAt: request.hardStopAt,
      taskToken: 'token-1',
      tokenDelivered: false,
    });
    expect(await auditTypes(env.ports, cycle.cycleId)).toContain('task.opened');
    expect(env.notifier.messages.map((message) => message.kinds)).toEqual([['assigned']]);
  });

  it('only rebinds the token when the workflow waits again, and announces nothing twice', async () => {
    await openTask(env.ports, { ...request, taskToken: 'token-1' });
    const again = await openTask(env.ports, { ...request, taskToken: 'token-2' });

    expect(again).toEqual({ taskId: request.taskId, created: false });
    expect((await stored(env.ports, request.taskId)).taskToken).toBe('token-2');
    expect(env.notifier.messages).toHaveLength(1);
    expect(
      (await auditTypes(env.ports, cycle.cycleId)).filter((type) => type === 'task.opened'),
    ).toHaveLength(1);
  });

  it('delivers on the new token a completion made while the old token was gone', async () => {
    await openTask(env.ports, { ...request, taskToken: 'token-1' });
    env.engine.gone.add('token-1');
    await completeTask(env.ports, callers.municipality, request.taskId, exampleOutputs['needs-assessment']);
    expect(env.engine.successes).toEqual([]);

    await openTask(env.ports, { ...request, taskToken: 'token-2' });

    expect(env.engine.successes).toEqual([{ taskToken: 'token-2', output: { taskId: request.taskId } }]);
    expect((await stored(env.ports, request.taskId)).tokenDelivered).toBe(true);
  });

  it('opens even when the notifier is down: the sweep sends the assignment later', async () => {
    env.notifier.state.failing = true;
    expect(await openTask(env.ports, { ...request, taskToken: 'token-1' })).toEqual({
      taskId: request.taskId,
      created: true,
    });
    expect((await stored(env.ports, request.taskId)).nextNotificationAt).toBeDefined();
  });

  it('opens a stall task for the coordinators, about the stalled task', async () => {
    await openTask(env.ports, { ...request, taskToken: 'token-1' });
    const stall = await stallOn(env, await stored(env.ports, request.taskId));
    expect(stall).toMatchObject({
      kind: 'stall-resolution',
      assignee: 'coordinator',
      output: 'stall-resolution',
      stalledTaskId: request.taskId,
      status: 'OPEN',
    });
    // The coordinator hears of it under the stall task's own title, naming the stalled task.
    const notice = env.notifier.messages.find((message) => message.recipient.role === 'coordinator');
    expect(notice?.text.split('\n')[0]).toBe(
      'New task: "Resume or cancel the stalled cycle: Submit the needs assessment", due Apr 18, 2027.',
    );
  });

  it('fails for a task the template does not have', async () => {
    const unknown = openTask(env.ports, { ...request, taskKey: 'no-such-task', taskToken: 'token-1' });
    expect(await rejection(unknown)).toBeInstanceOf(NotFoundError);
  });
});
