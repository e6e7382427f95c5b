import type { Cycle } from './cycle.ts';
import { planDueAt } from './deadlines.ts';
import type { PhaseRun } from './phase-run.ts';
import { isOverdue, type Task } from './task.ts';
import type { CycleTemplate } from './template.ts';

/**
 * How far a cycle has come against its plan: each phase run with its planned end and whether it ran (or runs)
 * late, and what is open, overdue and due next. Pure: the portfolio and the cycle's page read it the same way.
 */

/** A phase run with its plan: `plannedDueAt` is the latest due date of the run's tasks. */
export interface PhaseProgress {
  phase: string;
  revision: number;
  startedAt: string;
  endedAt?: string;
  /**
   * The latest due date of the run's own tasks as they stand (an extension is a new plan the coordinator agreed
   * to); before its tasks are open, the template's plan from the run's start.
   */
  plannedDueAt?: string;
  /** Ended after its planned end, or still running past it. */
  late: boolean;
}

/** Where a cycle stands for the people who oversee it. */
export interface CycleProgress {
  phases: PhaseProgress[];
  openTasks: number;
  overdueTasks: number;
  /** The earliest due date of an open task. */
  nextDueAt?: string;
  /** The open task due first (the store's order: due date, then id): where the cycle is waited on. */
  firstOpenTaskId?: string;
  /** The coordinator's open task to resume or cancel a stalled cycle. */
  stallTaskId?: string;
}

/** Phase runs in the order the workflow ran them (runs started in the same millisecond by template order). */
export function phaseRunsInOrder<R extends Pick<PhaseRun, 'phase' | 'revision' | 'startedAt'>>(
  runs: readonly R[],
  template: CycleTemplate | undefined,
): R[] {
  const order = (template?.phases ?? []).map((phase) => phase.key);
  return [...runs].sort(
    (a, b) =>
      a.startedAt.localeCompare(b.startedAt) ||
      a.revision - b.revision ||
      order.indexOf(a.phase) - order.indexOf(b.phase),
  );
}

function plannedEnd(
  cycle: Cycle,
  template: CycleTemplate | undefined,
  run: PhaseRun,
  tasks: readonly Task[],
): string | undefined {
  const own = tasks
    .filter((task) => task.kind === 'task' && task.phase === run.phase && task.revision === run.revision)
    .map((task) => task.dueAt)
    .sort();
  if (own.length) return own.at(-1);
  const phase = template?.phases.find((one) => one.key === run.phase);
  const planned = (phase?.tasks ?? [])
    .map((task) => planDueAt(cycle, task, new Date(run.startedAt)).toISOString())
    .sort();
  return planned.at(-1);
}

/** A cycle's phases against their plan, and its open work, at `now`. */
export function cycleProgress(
  cycle: Cycle,
  template: CycleTemplate | undefined,
  runs: readonly PhaseRun[],
  tasks: readonly Task[],
  now: Date,
): CycleProgress {
  const phases = phaseRunsInOrder(runs, template).map((run): PhaseProgress => {
    const planned = plannedEnd(cycle, template, run, tasks);
    const end = run.endedAt ? new Date(run.endedAt) : now;
    return {
      phase: run.phase,
      revision: run.revision,
      startedAt: run.startedAt,
      ...(run.endedAt ? { endedAt: run.endedAt } : {}),
      ...(planned ? { plannedDueAt: planned } : {}),
      late: planned !== undefined && end.getTime() > new Date(planned).getTime(),
    };
  });
  const open = tasks
    .filter((task) => task.status === 'OPEN')
    .map((task) => ({ task, key: `${task.dueAt}#${task.taskId}` }))
    // Compared as the store compares its keys (code units), so "first" here is first in its listings too.
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
    .map(({ task }) => task);
  const first = open[0];
  const stall = open.find((task) => task.kind === 'stall-resolution');
  return {
    phases,
    openTasks: open.length,
    overdueTasks: open.filter((task) => isOverdue(task, now)).length,
    ...(first ? { nextDueAt: first.dueAt, firstOpenTaskId: first.taskId } : {}),
    ...(stall ? { stallTaskId: stall.taskId } : {}),
  };
}
