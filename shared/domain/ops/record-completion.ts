import { isDeepStrictEqual } from 'node:util';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { Actor } from '../model/actor.ts';
import type { Cycle } from '../model/cycle.ts';
import { toInstant } from '../model/dates.ts';
import type { Role } from '../model/roles.ts';
import type { Task } from '../model/task.ts';
import { type CycleTemplate, findPhase } from '../model/template.ts';
import type { Ports } from '../ports.ts';
import { setCycleStatus } from './change-cycle.ts';
import { deliverCompletion } from './deliver-completion.ts';
import { extendDeadline } from './extend-deadline.ts';
import { type NoticePorts, notifyPeople } from './notify-people.ts';
import { openFollowUps } from './open-follow-ups.ts';
import { recordEvent } from './record-event.ts';
import { updateWithRetry } from './retry.ts';
import { withdrawTask } from './withdraw-task.ts';

/** A validated completion: the output as stored, and the summary the workflow receives. */
export interface Completion {
  completedBy: Role;
  result: unknown;
  summary: Record<string, string>;
}

type CompletionPorts = Pick<Ports, 'tasks' | 'cycles' | 'audit' | 'engine' | 'clock'> & NoticePorts;

/**
 * Stores a completion once (OPEN → COMPLETED), audits it, and hands the summary to the workflow; then whatever
 * the completion settles moves at once: a rejection ends the approval round (the other approvers' tasks are
 * withdrawn), a stalled task done after all ends the stall, and a coordinator's "resume" moves the deadline.
 * Repeating the same completion succeeds (and re-sends it if the first send failed); a different completion of
 * a closed task is a conflict.
 */
export async function recordCompletion(
  deps: CompletionPorts,
  task: Task,
  cycle: Cycle,
  template: CycleTemplate,
  completion: Completion,
  actor: Actor,
): Promise<Task> {
  const completed = await markCompleted(deps, task, completion);
  await recordEvent(deps, {
    cycleId: completed.cycleId,
    eventId: `task.completed:${completed.taskId}`,
    at: completed.completedAt ?? deps.clock.now().toISOString(),
    type: 'task.completed',
    actor,
    data: { taskId: completed.taskId, ...completion.summary, result: completed.result },
  });
  if (completed.kind === 'stall-resolution' && completion.summary.action === 'resume') {
    const resolution = completion.result as { dueAt: string };
    const stalled = await deps.tasks.get(completed.stalledTaskId ?? '');
    if (stalled?.status === 'OPEN') {
      const dueAt = toInstant(resolution.dueAt, cycle.timeZone ?? 'UTC');
      await extendDeadline(deps, stalled, template, dueAt, 'resumed by the coordinator', actor);
    }
    await setCycleStatus(deps, completed.cycleId, 'RUNNING', ['STALLED']);
    await announceResumed(deps, completed.stalledTaskId ?? '', completed.taskId);
  }
  // A meeting's decisions become follow-up tasks before the workflow moves on (so a repeat opens none twice).
  if (completed.kind === 'task' && completed.output === 'meeting-minutes')
    await openFollowUps(deps, completed, cycle, actor);
  const delivered = await deliverCompletion(deps, completed);
  if (completed.kind === 'task') await settleSiblings(deps, completed, cycle, template, completion, actor);
  return delivered;
}

/** The municipality's people hear that a stalled cycle goes on, and what is due next. */
async function announceResumed(deps: CompletionPorts, stalledTaskId: string, stallTaskId: string) {
  const stalled = await deps.tasks.get(stalledTaskId);
  if (!stalled) return;
  await notifyPeople(deps, {
    kind: 'cycle-resumed',
    key: stallTaskId,
    municipalityId: stalled.municipalityId,
    cycleId: stalled.cycleId,
    task: stalled,
    values: { due: stalled.dueAt },
    audience: { membersOf: stalled.municipalityId },
  });
}

/** What a completed task settles for the other tasks of its cycle. */
async function settleSiblings(
  deps: CompletionPorts,
  completed: Task,
  cycle: Cycle,
  template: CycleTemplate,
  completion: Completion,
  actor: Actor,
) {
  const rejection =
    completion.summary.decision === 'reject' &&
    findPhase(template, completed.phase)?.phase.kind === 'approval';
  if (!rejection && cycle.status !== 'STALLED') return;
  const record = await deps.cycles.record(completed.cycleId);
  for (const other of record?.tasks ?? []) {
    if (other.status !== 'OPEN') continue;
    if (other.kind === 'stall-resolution' && other.stalledTaskId === completed.taskId) {
      // The stall is over: the workflow leaves the coordinator's wait as if they had resumed it.
      await withdrawTask(deps, other, 'the stalled task was completed', { action: 'resume' }, actor);
      await setCycleStatus(deps, completed.cycleId, 'RUNNING', ['STALLED']);
      await announceResumed(deps, completed.taskId, other.taskId);
    } else if (
      rejection &&
      other.kind === 'task' &&
      other.phase === completed.phase &&
      other.revision === completed.revision
    ) {
      await withdrawTask(
        deps,
        other,
        'the plan was rejected by the other side',
        { decision: 'withdrawn' },
        actor,
      );
    }
  }
}

/**
 * OPEN → COMPLETED, exactly once. A lost condition re-reads: still OPEN (the workflow only rebound its token)
 * → try again; COMPLETED with the same output → the earlier completion stands (idempotent); else 409.
 */
function markCompleted(deps: Pick<Ports, 'tasks' | 'clock'>, first: Task, completion: Completion) {
  return updateWithRetry(
    async () => {
      const current = await deps.tasks.get(first.taskId);
      if (!current) throw new NotFoundError(`No task ${first.taskId}`);
      return current;
    },
    (task) => {
      if (task.status === 'COMPLETED' && isDeepStrictEqual(task.result, completion.result)) return task;
      if (task.status !== 'OPEN') throw new ConflictError(`Task ${first.taskId} is ${task.status}`);
      return deps.tasks.update(task, {
        status: 'COMPLETED',
        completedAt: deps.clock.now().toISOString(),
        ...completion,
      });
    },
    { initial: first },
  );
}
