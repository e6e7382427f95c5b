import type { Actor } from '../model/actor.ts';
import type { Cycle } from '../model/cycle.ts';
import { toInstant } from '../model/dates.ts';
import type { MeetingMinutes } from '../model/outputs/meeting.ts';
import { followUpIdOf, type Task } from '../model/task.ts';
import type { Ports } from '../ports.ts';
import { recordEvent } from './record-event.ts';

/**
 * Each decision of a meeting's minutes becomes a follow-up task for its owner, due on the decision's date (the
 * end of that day in the municipality's time zone). The workflow does not wait on it: it is tracked, reminded
 * (the sweep announces it, as it does any task whose next notification is due) and completed like any task.
 * Ids derive from the meeting task and the decision's place, so completing the minutes again creates nothing.
 */
export async function openFollowUps(
  deps: Pick<Ports, 'tasks' | 'audit' | 'clock'>,
  meeting: Task,
  cycle: Pick<Cycle, 'timeZone'>,
  actor: Actor,
): Promise<Task[]> {
  const minutes = meeting.result as MeetingMinutes;
  const now = deps.clock.now().toISOString();
  const opened: Task[] = [];
  for (const [index, decision] of minutes.decisions.entries()) {
    const dueAt = toInstant(decision.dueOn, cycle.timeZone ?? 'UTC');
    const { task, created } = await deps.tasks.create({
      taskId: followUpIdOf(meeting.taskId, index),
      cycleId: meeting.cycleId,
      templateId: meeting.templateId,
      ...(meeting.templateVersion ? { templateVersion: meeting.templateVersion } : {}),
      municipalityId: meeting.municipalityId,
      country: meeting.country,
      phase: meeting.phase,
      taskKey: meeting.taskKey,
      revision: meeting.revision,
      ...(meeting.round ? { round: meeting.round } : {}),
      kind: 'follow-up',
      assignee: decision.owner,
      output: 'follow-up-report',
      status: 'OPEN',
      dueAt,
      // Nobody stalls on a follow-up: its hard stop is its due date, which only ends its reminders.
      hardStopAt: dueAt,
      openedAt: now,
      nextNotificationAt: now,
      tokenDelivered: false,
      extensions: 0,
      subject: decision.decision,
      ...(decision.linksTo ? { linksTo: decision.linksTo } : {}),
      fromTaskId: meeting.taskId,
      version: 1,
    });
    if (created)
      await recordEvent(deps, {
        cycleId: task.cycleId,
        eventId: `task.opened:${task.taskId}`,
        at: task.openedAt,
        type: 'task.opened',
        actor,
        data: {
          taskId: task.taskId,
          phase: task.phase,
          taskKey: task.taskKey,
          assignee: task.assignee,
          dueAt: task.dueAt,
          fromTaskId: meeting.taskId,
        },
      });
    opened.push(task);
  }
  return opened;
}
