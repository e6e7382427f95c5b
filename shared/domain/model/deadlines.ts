import type { Clock } from '../clock.ts';
import { addDuration } from '../duration.ts';
import type { Cycle } from './cycle.ts';
import type { Task } from './task.ts';
import type { TaskRequest } from './task-request.ts';
import type { CycleTemplate, TaskTemplate } from './template.ts';

/** Deadlines: when a task is due, when the workflow stops waiting for it, and how long a timer runs. */

/** Due date of a task whose phase started at `phaseStartedAt`: a per-cycle override, a start date, or the template offset. */
export function planDueAt(cycle: Cycle, task: TaskTemplate, phaseStartedAt: Date): Date {
  const override = cycle.dueOverrides[task.key];
  if (override) return addDuration(phaseStartedAt, override);
  const givenDate = task.due.unlessDate ? cycle.dates[task.due.unlessDate] : undefined;
  if (givenDate) return new Date(givenDate);
  return addDuration(phaseStartedAt, task.due.after);
}

/** When the workflow stops waiting for a task due at `dueAt`. */
export function planHardStop(template: CycleTemplate, task: TaskTemplate, dueAt: Date): Date {
  return addDuration(dueAt, task.hardStopAfter ?? template.defaults.hardStopAfter);
}

/**
 * Seconds a task timer runs: until the hard stop in real time (a demo clock shortens it), at least 1 (ASL
 * requires it), at most the runtime's longest timer. A timer that ends before the hard stop waits again.
 */
export function timerSeconds(clock: Clock, hardStopAt: string, maxTimerSeconds: number): number {
  const realMs = clock.timerMs(new Date(hardStopAt).getTime() - clock.now().getTime());
  return Math.min(Math.max(1, Math.ceil(realMs / 1_000)), maxTimerSeconds);
}

/** The request that makes the workflow wait (again) on a task. */
export function requestFor(
  task: Pick<Task, 'taskId' | 'cycleId' | 'phase' | 'taskKey' | 'revision' | 'kind' | 'dueAt' | 'hardStopAt'>,
  clock: Clock,
  maxTimerSeconds: number,
): TaskRequest {
  return {
    taskId: task.taskId,
    cycleId: task.cycleId,
    phase: task.phase,
    taskKey: task.taskKey,
    revision: task.revision,
    kind: task.kind,
    dueAt: task.dueAt,
    hardStopAt: task.hardStopAt,
    timeoutSeconds: timerSeconds(clock, task.hardStopAt, maxTimerSeconds),
  };
}

/** A date-only value ("2027-03-31") means the end of that day (UTC); an instant is normalised to ISO. */
export function toInstant(value: string): string {
  return value.length === 10 ? `${value}T23:59:59.000Z` : new Date(value).toISOString();
}
