import * as z from 'zod';
import { ConflictError, ForbiddenError, NotFoundError, RuleViolationError } from '../../errors.ts';
import { actorOf } from '../../model/actor.ts';
import { type Caller, visibleTask } from '../../model/caller.ts';
import { DateInput, horizonFrom, PLANNING_HORIZON, toInstant } from '../../model/dates.ts';
import type { Task } from '../../model/task.ts';
import { extendDeadline } from '../../ops/extend-deadline.ts';
import type { NoticePorts } from '../../ops/notify-people.ts';
import { recordCompletion } from '../../ops/record-completion.ts';
import type { Ports } from '../../ports.ts';

/** Body of `POST /tasks/{id}/extend`. */
export const ExtendTaskBody = z.strictObject({
  /** The new deadline: a date (the end of that day where the municipality is) or an instant. */
  dueAt: DateInput,
  reason: z.string().trim().min(1).max(1_000),
  /** An earlier deadline than today's is refused unless this says it is meant. */
  shorten: z.boolean().optional(),
});

/**
 * A coordinator moves a task's deadline (and its hard stop); a stalled cycle resumes. The rule for every
 * deadline a person sets: in the future, within the planning horizon; moving it earlier must be said
 * (`shorten`) and is audited as a shortening.
 */
export async function extendTask(
  deps: Pick<Ports, 'tasks' | 'cycles' | 'municipalities' | 'audit' | 'engine' | 'clock' | 'templates'> &
    NoticePorts,
  caller: Caller,
  taskId: string,
  body: z.infer<typeof ExtendTaskBody>,
): Promise<Task> {
  const task = visibleTask(caller, await deps.tasks.get(taskId), taskId);
  if (caller.role !== 'coordinator') throw new ForbiddenError('Only a coordinator extends deadlines');
  if (task.status !== 'OPEN') throw new ConflictError(`Task ${taskId} is ${task.status}`);
  const cycle = await deps.cycles.get(task.cycleId);
  const template = deps.templates.get(task.templateId, task.templateVersion);
  if (!cycle || !template) throw new NotFoundError(`No cycle ${task.cycleId}`);
  const timeZone = cycle.timeZone ?? (await deps.municipalities.get(cycle.municipalityId))?.timeZone ?? 'UTC';
  const dueAt = toInstant(body.dueAt, timeZone);
  const now = deps.clock.now();
  if (new Date(dueAt) <= now) {
    throw new RuleViolationError('A new deadline must be in the future', [
      { path: 'dueAt', message: 'must be in the future' },
    ]);
  }
  if (new Date(dueAt) > horizonFrom(now)) {
    throw new RuleViolationError('A new deadline must be within the planning horizon', [
      { path: 'dueAt', message: `must be within the planning horizon (${PLANNING_HORIZON})` },
    ]);
  }
  const shorter = dueAt < task.dueAt;
  if (shorter && !body.shorten) {
    throw new RuleViolationError('The new deadline is earlier than the current one', [
      {
        path: 'dueAt',
        message: `is earlier than the current deadline (${task.dueAt}); say "shorten": true if that is meant`,
      },
    ]);
  }
  const extended = await extendDeadline(deps, task, template, dueAt, body.reason, actorOf(caller));
  // The workflow of a stalled cycle waits on the coordinator's resolution task: resolve it as "resume".
  const record = await deps.cycles.record(task.cycleId);
  const resolution = record?.tasks.find(
    (candidate) => candidate.stalledTaskId === taskId && candidate.status === 'OPEN',
  );
  if (resolution) {
    await recordCompletion(
      deps,
      resolution,
      { ...cycle, timeZone },
      template,
      { completedBy: 'coordinator', result: { action: 'resume', dueAt }, summary: { action: 'resume' } },
      actorOf(caller),
    );
  }
  return extended;
}
