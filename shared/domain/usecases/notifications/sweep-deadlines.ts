import type { Task } from '../../model/task.ts';
import { dispatchMessages } from '../../ops/dispatch-messages.ts';
import { finalizeEntry } from '../../ops/finalize-entry.ts';
import type { NoticePorts } from '../../ops/notify-people.ts';
import {
  DEFAULT_LEASE_MINUTES,
  type NotifyPorts,
  notifyTasks,
  type SweepReport,
} from '../../ops/notify-tasks.ts';
import type { Ports } from '../../ports.ts';

/** Options of a sweep. */
export interface SweepOptions {
  /** How long a claimed notification is ours before another sweeper may deliver it (planning minutes). */
  leaseMinutes?: number;
  pageSize?: number;
}

/** Runs one sweep over every open task whose next notification is due now. */
export async function sweepDeadlines(
  deps: NotifyPorts & Pick<Ports, 'clock' | 'cycles' | 'audit' | 'engine'> & NoticePorts,

  options: SweepOptions = {},
): Promise<SweepReport & { deliveries: number; entries: number; refused: number }> {
  const now = deps.clock.now();
  const tasks: Task[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.tasks.listDueForSweep(now.toISOString(), {
      limit: options.pageSize ?? 100,
      ...(cursor ? { cursor } : {}),
    });
    tasks.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  // Entries made on the CAG's behalf whose objection window has closed now count.
  let entries = 0;
  for (const task of tasks) if (task.pendingEntry && (await finalizeEntry(deps, task))) entries += 1;
  const open = entries
    ? tasks.filter((task) => !task.pendingEntry || new Date(task.pendingEntry.objectionUntil) > now)
    : tasks;
  const report = await notifyTasks(deps, open, now, options.leaseMinutes ?? DEFAULT_LEASE_MINUTES);
  const sent = await dispatchMessages(deps, now);
  return { ...report, deliveries: sent.deliveries, entries, refused: sent.refused };
}
