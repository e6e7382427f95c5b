import { z } from 'zod';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from '../../errors.ts';
import { type Caller, visibleTask } from '../../model/caller.ts';
import { toInstant } from '../../model/deadlines.ts';
import type { Task } from '../../model/task.ts';
import { extendDeadline } from '../../ops/extend-deadline.ts';
import { recordCompletion } from '../../ops/record-completion.ts';
import type { Ports } from '../../ports.ts';

/** Body of `POST /tasks/{id}/extend`. */
export const ExtendTaskBody = z.strictObject({
  dueAt: z.union([z.iso.date(), z.iso.datetime({ offset: true })]),
  reason: z.string().trim().min(1).max(1_000),
});

/** A coordinator moves a task's deadline (and its hard stop); a stalled cycle resumes. */
export async function extendTask(
  deps: Pick<Ports, 'tasks' | 'cycles' | 'audit' | 'engine' | 'clock' | 'templates'>,
  caller: Caller,
  taskId: string,
  body: z.infer<typeof ExtendTaskBody>,
): Promise<Task> {
  const task = visibleTask(caller, await deps.tasks.get(taskId), taskId);
  if (caller.role !== 'coordinator') throw new ForbiddenError('Only a coordinator extends deadlines');
  if (task.status !== 'OPEN') throw new ConflictError(`Task ${taskId} is ${task.status}`);
  const dueAt = toInstant(body.dueAt);
  if (new Date(dueAt) <= deps.clock.now()) {
    throw new RuleViolationError('A new deadline must be in the future', [
      { path: 'dueAt', message: 'must be in the future' },
    ]);
  }
  const template = deps.templates.get(task.templateId);
  if (!template) throw new NotFoundError(`No template ${task.templateId}`);
  const extended = await extendDeadline(deps, task, template, dueAt, body.reason, caller.role);
  // The workflow of a stalled cycle waits on the coordinator's resolution task: resolve it as "resume".
  const record = await deps.cycles.record(task.cycleId);
  const resolution = record?.tasks.find(
    (candidate) => candidate.stalledTaskId === taskId && candidate.status === 'OPEN',
  );
  if (resolution) {
    await recordCompletion(
      deps,
      resolution,
      template,
      { completedBy: 'coordinator', result: { action: 'resume', dueAt }, summary: { action: 'resume' } },
      caller.role,
    );
  }
  return extended;
}
