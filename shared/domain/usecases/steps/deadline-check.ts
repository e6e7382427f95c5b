import { addDuration } from '../../duration.ts';
import { NotFoundError } from '../../errors.ts';
import { chainAtOf } from '../../model/chaining.ts';
import { requestFor } from '../../model/deadlines.ts';
import type { Task } from '../../model/task.ts';
import type { TaskRequest } from '../../model/task-request.ts';
import { cancelTask } from '../../ops/cancel-task.ts';
import { chainExecution } from '../../ops/chain-execution.ts';
import { setCycleStatus } from '../../ops/change-cycle.ts';
import { loadCycle } from '../../ops/load-cycle.ts';
import { type NoticePorts, notifyPeople } from '../../ops/notify-people.ts';
import { recordEvent, WORKFLOW_ACTOR } from '../../ops/record-event.ts';
import type { Ports } from '../../ports.ts';

/** What the workflow does when a task's timer fires. */
export interface DeadlineDecision {
  /** `chain`: a fresh execution now resumes the phase, and this one ends. */
  action: 'wait' | 'stall' | 'abandon' | 'chain';
  request: TaskRequest;
}

/** The input of the deadline check: the task's request, and the execution that waited on it. */
export interface DeadlineCheckInput {
  request: TaskRequest;
  executionId: string;
  executionStartedAt: string;
}

/**
 * A task's timer fired: hand the phase to a fresh execution if this one reached its chain age, else wait again
 * (extended, or the timer was capped), stall the cycle, or give up.
 */
export async function deadlineCheck(
  deps: Pick<Ports, 'cycles' | 'tasks' | 'audit' | 'clock' | 'templates' | 'engine'> & NoticePorts,
  input: DeadlineCheckInput,
): Promise<DeadlineDecision> {
  const { request } = input;
  const { cycle, template } = await loadCycle(deps, request.cycleId);
  const now = deps.clock.now();
  const chainAt = chainAtOf(input.executionStartedAt, template.defaults.chainAfter);
  if (now >= chainAt) {
    await chainExecution(deps, cycle, input, request);
    return { action: 'chain', request };
  }
  const limits = { maxTimerSeconds: deps.engine.maxWaitSeconds, chainAt };
  const waitOn = (task: Pick<Task, keyof Task & keyof TaskRequest>) => requestFor(task, deps.clock, limits);
  const task = await deps.tasks.get(request.taskId);
  if (!task) throw new NotFoundError(`No task ${request.taskId}`);

  if (task.kind === 'stall-resolution') {
    const stalled = await deps.tasks.get(task.stalledTaskId ?? '');
    if (!stalled) throw new NotFoundError(`No stalled task ${task.stalledTaskId}`);
    // Resumed (by the resolution, or by an extension of the stalled task): wait on the original again.
    if (stalled.status !== 'OPEN' || new Date(stalled.hardStopAt) > now) {
      if (task.status === 'OPEN') await cancelTask(deps, task, 'superseded');
      await setCycleStatus(deps, cycle.cycleId, 'RUNNING', ['STALLED']);
      return { action: 'wait', request: waitOn(stalled) };
    }
    if (task.status === 'OPEN' && new Date(task.hardStopAt) > now) {
      return { action: 'stall', request: waitOn(task) };
    }
    if (task.status === 'OPEN') await cancelTask(deps, task, 'expired');
    return { action: 'abandon', request };
  }

  // Completed while the token was gone, or the timer was capped / the deadline extended: wait again.
  if (task.status !== 'OPEN' || new Date(task.hardStopAt) > now)
    return { action: 'wait', request: waitOn(task) };

  const stallTemplate = template.defaults.stallResolution;
  const stallDue = addDuration(now, stallTemplate.due);
  const stallHardStop = addDuration(stallDue, stallTemplate.hardStopAfter);
  const stallTaskId = `${task.taskId}.stall-${Math.floor(new Date(task.hardStopAt).getTime() / 1000)}`;
  const stalledCycle = await setCycleStatus(deps, cycle.cycleId, 'STALLED', ['RUNNING']);
  await recordEvent(deps, {
    cycleId: cycle.cycleId,
    eventId: `cycle.stalled:${stallTaskId}`,
    at: task.hardStopAt,
    type: 'cycle.stalled',
    actor: WORKFLOW_ACTOR,
    data: { taskId: task.taskId, hardStopAt: task.hardStopAt, status: stalledCycle.status },
  });
  // The municipality's people hear that the cycle waits for the coordinator (who gets the stall task itself).
  await notifyPeople(deps, {
    kind: 'cycle-stalled',
    key: stallTaskId,
    municipalityId: cycle.municipalityId,
    cycleId: cycle.cycleId,
    task,
    audience: { membersOf: cycle.municipalityId },
  });
  const existing = await deps.tasks.get(stallTaskId);
  return {
    action: 'stall',
    request: waitOn(
      existing ?? {
        taskId: stallTaskId,
        cycleId: task.cycleId,
        phase: task.phase,
        taskKey: task.taskKey,
        revision: task.revision,
        kind: 'stall-resolution',
        dueAt: stallDue.toISOString(),
        hardStopAt: stallHardStop.toISOString(),
      },
    ),
  };
}
