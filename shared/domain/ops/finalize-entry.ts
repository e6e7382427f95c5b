import type { Task } from '../model/task.ts';
import type { Ports } from '../ports.ts';
import { loadCycle } from './load-cycle.ts';
import type { NoticePorts } from './notify-people.ts';
import { recordCompletion } from './record-completion.ts';

/**
 * An entry made on CAG members' behalf whose objection window has passed completes the task, recorded as
 * entered by the person who made it on behalf of those who were present.
 */
export async function finalizeEntry(
  deps: Pick<Ports, 'tasks' | 'cycles' | 'audit' | 'engine' | 'clock' | 'templates'> & NoticePorts,
  task: Task,
): Promise<boolean> {
  const entry = task.pendingEntry;
  if (task.status !== 'OPEN' || !entry || new Date(entry.objectionUntil) > deps.clock.now()) return false;
  const { cycle, template } = await loadCycle(deps, task.cycleId);
  await recordCompletion(
    deps,
    task,
    cycle,
    template,
    { completedBy: task.assignee, result: entry.result, summary: entry.summary },
    { kind: 'person', ...entry.enteredBy, onBehalfOf: entry.onBehalfOf },
  );
  return true;
}
