import { addDuration } from '../duration.ts';
import type { Actor } from '../model/actor.ts';
import { planHardStop } from '../model/deadlines.ts';
import type { Task } from '../model/task.ts';
import { type CycleTemplate, findTask } from '../model/template.ts';
import { policyFor, scheduleFor } from '../notifications/schedule.ts';
import type { Ports } from '../ports.ts';
import { type NoticePorts, notifyPeople } from './notify-people.ts';
import { recordEvent } from './record-event.ts';

/** The changes of an extension: the new deadline, and every pending notification moved to the new series. */
function rescheduled(now: Date, template: CycleTemplate, task: Task, dueAt: string, hardStopAt: string) {
  const extendedAt = now.toISOString();
  const changes = { dueAt, hardStopAt, extensions: task.extensions + 1, extendedAt };
  const moments = scheduleFor({ ...task, ...changes }, policyFor(template, task));
  const next = moments.find((moment) => moment.at.toISOString() >= extendedAt);
  return { ...changes, notifiedThrough: extendedAt, nextNotificationAt: next?.at.toISOString() };
}

/** Moves an open task's deadline (and hard stop) and records who did it and why. */
export async function extendDeadline(
  deps: Pick<Ports, 'tasks' | 'audit' | 'clock'> & NoticePorts,
  task: Task,
  template: CycleTemplate,
  dueAt: string,
  reason: string,
  actor: Actor,
): Promise<Task> {
  const definition = findTask(template, task.phase, task.taskKey);
  const hardStopAt =
    task.kind === 'stall-resolution' || !definition
      ? addDuration(new Date(dueAt), template.defaults.stallResolution.hardStopAfter).toISOString()
      : planHardStop(template, definition, new Date(dueAt)).toISOString();
  // A repeated extension to the same date changes nothing and rewrites the same audit event.
  const extended =
    task.dueAt === dueAt
      ? task
      : await deps.tasks.update(task, rescheduled(deps.clock.now(), template, task, dueAt, hardStopAt));
  const shortened = dueAt < task.dueAt;
  await recordEvent(deps, {
    cycleId: task.cycleId,
    eventId: `task.extended:${task.taskId}:${extended.extensions}`,
    at: extended.extendedAt ?? deps.clock.now().toISOString(),
    // Moving a deadline earlier is recorded as what it is.
    type: shortened ? 'task.shortened' : 'task.extended',
    actor,
    data: { taskId: task.taskId, previousDueAt: task.dueAt, dueAt, hardStopAt, reason },
  });
  if (extended !== task) {
    await notifyPeople(deps, {
      kind: shortened ? 'deadline-shortened' : 'deadline-extended',
      key: `${task.taskId}:${extended.extensions}`,
      municipalityId: task.municipalityId,
      cycleId: task.cycleId,
      task: extended,
      values: { due: dueAt, previous: task.dueAt },
      audience: { assigneesOf: task },
    });
  }
  return extended;
}
