import { beforeEach, describe, expect, it } from 'vitest';
import type { Task } from '#shared/domain/model/task.ts';
import { withdrawTask } from '#shared/domain/ops/withdraw-task.ts';
import {
  givenCycle,
  givenMunicipality,
  racing,
  runPhase,
  stallOn,
  stored,
  type UnitEnv,
  unitPorts,
} from '../../../../support/unit-ports.ts';

let env: UnitEnv;
let task: Task;
beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  [, task] = (await runPhase(env, await givenCycle(env), 'plan-approval')) as [Task, Task];
});

describe('withdrawTask', () => {
  it('closes the task, audits why, and ends the workflow’s wait with the given summary', async () => {
    await withdrawTask(env.ports, task, 'the plan was rejected', { decision: 'withdrawn' }, 'cag');
    expect(await stored(env.ports, task.taskId)).toMatchObject({
      status: 'CANCELLED',
      summary: { decision: 'withdrawn' },
      tokenDelivered: true,
    });
    expect(env.engine.successes).toEqual([
      { taskToken: task.taskToken, output: { taskId: task.taskId, decision: 'withdrawn' } },
    ]);
    const record = await env.ports.cycles.record(task.cycleId);
    expect(record?.audit.find((event) => event.type === 'task.cancelled')).toMatchObject({
      actor: 'cag',
      data: { reason: 'the plan was rejected' },
    });
  });

  it('keeps a completion that landed first: nothing withdrawn, nothing sent', async () => {
    const competitor = () =>
      env.ports.tasks.update(task, { status: 'COMPLETED', summary: { decision: 'approve' } });
    await withdrawTask(
      { ...env.ports, tasks: racing(env.ports.tasks, 'update', competitor) },
      task,
      'the plan was rejected',
      { decision: 'withdrawn' },
      'cag',
    );
    expect(await stored(env.ports, task.taskId)).toMatchObject({
      status: 'COMPLETED',
      summary: { decision: 'approve' },
    });
    expect(env.engine.successes).toEqual([]);
  });

  it('keeps the withdrawal for the next wait when the token is gone', async () => {
    env.engine.gone.add(task.taskToken ?? '');
    await withdrawTask(env.ports, task, 'the plan was rejected', { decision: 'withdrawn' }, 'cag');
    expect(await stored(env.ports, task.taskId)).toMatchObject({
      status: 'CANCELLED',
      tokenDelivered: false,
    });
  });

  it('tells the coordinators a stall task is no longer needed under its own title, not the stalled task’s', async () => {
    const [assessment] = (await runPhase(env, await givenCycle(env, { parallel: true }), 'assessment')) as [
      Task,
    ];
    const stall = await stallOn(env, assessment);
    env.notifier.messages.length = 0;
    await withdrawTask(
      env.ports,
      stall,
      'the stalled task was completed',
      { action: 'resume' },
      'municipality',
    );
    const notice = env.notifier.messages.find((message) => message.recipient.role === 'coordinator');
    expect(notice?.text).toContain(
      'No longer needed: "Resume or cancel the stalled cycle: Submit the needs assessment" (the stalled task was completed).',
    );
  });
});
