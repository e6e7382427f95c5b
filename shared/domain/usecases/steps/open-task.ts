import { NotFoundError } from '../../errors.ts';
import type { Message } from '../../model/message.ts';
import { roundOfTaskId, type Task, taskIdOf } from '../../model/task.ts';
import type { TaskRequest } from '../../model/task-request.ts';
import { findTask } from '../../model/template.ts';
import { deliverCompletion } from '../../ops/deliver-completion.ts';
import { dispatchMessages } from '../../ops/dispatch-messages.ts';
import { loadCycle } from '../../ops/load-cycle.ts';
import { DEFAULT_LEASE_MINUTES, type NotifyPorts, notifyTasks, shortCodeOf } from '../../ops/notify-tasks.ts';
import { recordEvent, WORKFLOW_ACTOR } from '../../ops/record-event.ts';
import { updateWithRetry } from '../../ops/retry.ts';
import type { Ports } from '../../ports.ts';

/** Input of the open-task step: the request, and the token the workflow waits on. */
export type OpenTaskInput = TaskRequest & { taskToken: string };

type OpenTaskPorts = Pick<Ports, 'cycles' | 'tasks' | 'audit' | 'engine' | 'clock' | 'templates'> &
  NotifyPorts;

/**
 * The workflow waits on a human task: store it with its token (once), or, when it exists, only rebind the
 * token. A task completed while nobody listened (its token had expired) is delivered on the new token.
 */
export async function openTask(
  deps: OpenTaskPorts,
  input: OpenTaskInput,
): Promise<{ taskId: string; created: boolean; undeliverable?: number }> {
  const { cycle, template } = await loadCycle(deps, input.cycleId);
  const taskTemplate = findTask(template, input.phase, input.taskKey);
  if (!taskTemplate)
    throw new NotFoundError(`Template ${template.id} has no task ${input.phase}/${input.taskKey}`);
  const isStall = input.kind === 'stall-resolution';
  const now = deps.clock.now().toISOString();
  const round = roundOfTaskId(input.taskId);
  const { task, created } = await deps.tasks.create({
    taskId: input.taskId,
    cycleId: cycle.cycleId,
    templateId: cycle.templateId,
    templateVersion: cycle.templateVersion,
    municipalityId: cycle.municipalityId,
    country: cycle.country,
    phase: input.phase,
    taskKey: input.taskKey,
    revision: input.revision,
    ...(round > 0 ? { round } : {}),
    kind: input.kind,
    assignee: isStall ? 'coordinator' : taskTemplate.assignee,
    output: isStall ? 'stall-resolution' : taskTemplate.output,
    status: 'OPEN',
    dueAt: input.dueAt,
    hardStopAt: input.hardStopAt,
    openedAt: now,
    nextNotificationAt: now,
    taskToken: input.taskToken,
    tokenDelivered: false,
    extensions: 0,
    version: 1,
    ...(isStall ? { stalledTaskId: taskIdOf(cycle.cycleId, input.taskKey, input.revision, round) } : {}),
  });
  if (created) {
    await recordEvent(deps, {
      cycleId: cycle.cycleId,
      eventId: `task.opened:${task.taskId}`,
      at: task.openedAt,
      type: 'task.opened',
      actor: WORKFLOW_ACTOR,
      data: {
        taskId: task.taskId,
        phase: task.phase,
        taskKey: task.taskKey,
        assignee: task.assignee,
        dueAt: task.dueAt,
      },
    });
    // The short link an SMS about the task carries (an SMS cannot hold the task's id).
    await deps.messages.putLink(shortCodeOf(task.taskId), task.taskId);
    const undeliverable = await announce(deps, task);
    // Nobody could be told (no member holds the role, or none has a channel): the edge logs it for the alarm.
    return { taskId: task.taskId, created, ...(undeliverable ? { undeliverable } : {}) };
  }
  const rebound = await rebindToken(deps, task, input.taskToken);
  // Done (or withdrawn) while nobody listened: the new wait ends at once with what the task settled.
  if (rebound.status !== 'OPEN' && rebound.summary) await deliverCompletion(deps, rebound);
  return { taskId: task.taskId, created: false };
}

/**
 * Tells the assignee now rather than at the next sweep. If it fails, the task is already in the sweep index
 * (its next notification is its opening), so the sweeper delivers it: opening the task never fails for it.
 * Returns how many notifications nobody could receive (stored as UNDELIVERABLE for the coordinators).
 */
async function announce(deps: NotifyPorts & Pick<Ports, 'clock'>, task: Task): Promise<number> {
  let undeliverable = 0;
  try {
    const now = deps.clock.now();
    const stored: Message[] = [];
    ({ undeliverable } = await notifyTasks(deps, [task], now, DEFAULT_LEASE_MINUTES, stored));
    // Only what this assignment stored: anything else due is the sweep's.
    await dispatchMessages(deps, now, stored);
  } catch {
    // The sweep retries; the task stays open either way.
  }
  return undeliverable;
}

/**
 * Points a task at the token the workflow now waits on. A completion may land between our read and our write
 * (a resumed execution races the user), so a lost condition re-reads and tries again.
 */
function rebindToken(deps: Pick<Ports, 'tasks'>, first: Task, taskToken: string): Promise<Task> {
  return updateWithRetry(
    async () => {
      const current = await deps.tasks.get(first.taskId);
      if (!current) throw new NotFoundError(`No task ${first.taskId}`);
      return current;
    },
    (task) =>
      task.taskToken === taskToken
        ? undefined
        : deps.tasks.update(task, { taskToken, tokenDelivered: false }, { allowClosed: true }),
    { initial: first },
  );
}
