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
 * Seconds a task timer runs: until `until` in real time (a demo clock shortens it), at least 1 (ASL requires
 * it), at most the runtime's longest timer. A timer that ends early simply waits again.
 */
export function timerSeconds(clock: Clock, until: string | Date, maxTimerSeconds: number): number {
  const realMs = clock.timerMs(new Date(until).getTime() - clock.now().getTime());
  return Math.min(Math.max(1, Math.ceil(realMs / 1_000)), maxTimerSeconds);
}

/** How long the workflow may wait in one go: the engine's longest timer, and the execution's chain age. */
export interface WaitLimits {
  maxTimerSeconds: number;
  /** The execution chains to a fresh one at this time: no wait runs past it (see chaining.ts). */
  chainAt?: Date;
}

/** The request that makes the workflow wait (again) on a task: until its hard stop, or the chain age. */
export function requestFor(
  task: Pick<Task, 'taskId' | 'cycleId' | 'phase' | 'taskKey' | 'revision' | 'kind' | 'dueAt' | 'hardStopAt'>,
  clock: Clock,
  limits: WaitLimits,
): TaskRequest {
  const hardStopAt = new Date(task.hardStopAt);
  const until = limits.chainAt && limits.chainAt < hardStopAt ? limits.chainAt : hardStopAt;
  return {
    taskId: task.taskId,
    cycleId: task.cycleId,
    phase: task.phase,
    taskKey: task.taskKey,
    revision: task.revision,
    // The workflow waits on tasks and stalls; a follow-up is never waited on.
    kind: task.kind === 'stall-resolution' ? 'stall-resolution' : 'task',
    dueAt: task.dueAt,
    hardStopAt: task.hardStopAt,
    timeoutSeconds: timerSeconds(clock, until, limits.maxTimerSeconds),
  };
}
