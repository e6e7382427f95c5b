import { z } from 'zod';
import type { Clock } from './clock.ts';
import { addDuration } from './duration.ts';
import type { Cycle, Task } from './entities.ts';
import type { CycleTemplate, TaskTemplate } from './template.ts';

/** The request a human-task state sends to the open-task step (staged at `$.Payload` in the ASL). */
export const TaskRequest = z.object({
  taskId: z.string().min(1),
  cycleId: z.string().min(1),
  phase: z.string().min(1),
  taskKey: z.string().min(1),
  revision: z.int().min(0),
  kind: z.enum(['task', 'stall-resolution']),
  dueAt: z.iso.datetime({ offset: true }),
  hardStopAt: z.iso.datetime({ offset: true }),
  timeoutSeconds: z.int().min(1),
});
/** The request a human-task state sends to the open-task step. */
export type TaskRequest = z.infer<typeof TaskRequest>;

/** Deterministic task id: the same cycle, task and revision always name the same task. */
export function taskIdOf(cycleId: string, taskKey: string, revision: number): string {
  return `${cycleId}.${taskKey}.r${revision}`;
}

/** The cycle id inside a task id (task items live in their cycle's partition). */
export function cycleIdOfTask(taskId: string): string {
  return taskId.split('.')[0] ?? '';
}

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

/** True once a task's due date has passed. */
export function isOverdue(task: Pick<Task, 'dueAt' | 'status'>, now: Date): boolean {
  return task.status === 'OPEN' && new Date(task.dueAt).getTime() <= now.getTime();
}

/** A date-only value ("2027-03-31") means the end of that day (UTC); an instant is normalised to ISO. */
export function toInstant(value: string): string {
  return value.length === 10 ? `${value}T23:59:59.000Z` : new Date(value).toISOString();
}
