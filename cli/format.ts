/** Plain-text output for people: aligned tables and a cycle timeline. */

/** Renders rows as an aligned table with a header. */
export function table(headers: string[], rows: (string | number | undefined)[][]): string {
  const cells = [headers, ...rows.map((row) => row.map((cell) => (cell === undefined ? '—' : String(cell))))];
  const widths = headers.map((_, column) => Math.max(...cells.map((row) => (row[column] ?? '').length)));
  return cells
    .map((row) =>
      row
        .map((cell, column) => cell.padEnd(widths[column] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** A list for people: its table, "No results." when it is empty, and a hint when the API has more pages. */
export function listing(headers: string[], rows: (string | number | undefined)[][], more: boolean): string {
  const shown = rows.length ? table(headers, rows) : 'No results.';
  return more ? `${shown}\nMore results: add --all, or --limit N.` : shown;
}

/** The date part of an instant. */
export const day = (instant: string | undefined) => instant?.slice(0, 10);

/** Whole days from a to b. */
export function daysBetween(a: string, b: string): number {
  return Math.floor((new Date(b).getTime() - new Date(a).getTime()) / 86_400_000);
}

interface TaskLike {
  taskId: string;
  phase: string;
  taskKey: string;
  revision: number;
  kind: string;
  assignee: string;
  status: string;
  dueAt: string;
  completedAt?: string;
  title?: { en: string };
}
interface CycleLike {
  cycleId: string;
  templateId: string;
  templateVersion: number;
  municipalityId: string;
  status: string;
  currentPhase: string;
  revision: number;
  phases: { phase: string; revision: number; startedAt: string; endedAt?: string }[];
  tasks: TaskLike[];
}

/** The cycle as a timeline: each phase run with its planned (due) and actual dates, and what is late. */
export function timeline(cycle: CycleLike, now: string): string {
  const header = `Cycle ${cycle.cycleId} · ${cycle.municipalityId} · template ${cycle.templateId} v${cycle.templateVersion} · ${cycle.status} · phase ${cycle.currentPhase} (revision ${cycle.revision})`;
  const rows = cycle.phases.map((run) => {
    const tasks = cycle.tasks.filter(
      (task) => task.phase === run.phase && task.revision === run.revision && task.kind === 'task',
    );
    const due = tasks
      .map((task) => task.dueAt)
      .sort()
      .at(-1);
    const finished =
      run.endedAt ??
      tasks
        .map((task) => task.completedAt)
        .filter(Boolean)
        .sort()
        .at(-1);
    let state: string;
    if (run.endedAt) {
      const late = due && daysBetween(due, run.endedAt);
      state = late && late > 0 ? `done, ${late} d late` : 'done on time';
    } else if (tasks.some((task) => task.status === 'CANCELLED')) {
      state = 'cancelled';
    } else {
      const late = due ? daysBetween(due, now) : 0;
      state = late > 0 ? `open, LATE by ${late} d` : `open, ${-late} d left`;
    }
    return [
      run.phase,
      run.revision,
      day(run.startedAt),
      day(due),
      day(run.endedAt ? finished : undefined),
      state,
    ];
  });
  const open = cycle.tasks.filter((task) => task.status === 'OPEN');
  const openRows = open.map((task) => [
    task.taskId,
    task.assignee,
    day(task.dueAt),
    new Date(task.dueAt) < new Date(now) ? `overdue ${daysBetween(task.dueAt, now)} d` : 'on time',
    task.title?.en,
  ]);
  return [
    header,
    '',
    table(['PHASE', 'REV', 'STARTED', 'DUE (planned)', 'ENDED (actual)', 'STATE'], rows),
    '',
    open.length
      ? `Open tasks:\n${table(['TASK', 'ASSIGNEE', 'DUE', 'STATE', 'TITLE'], openRows)}`
      : 'No open tasks.',
  ].join('\n');
}
