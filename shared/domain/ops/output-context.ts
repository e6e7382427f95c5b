import type { Cycle } from '../model/cycle.ts';
import type { OutputContext, OutputKind } from '../model/outputs/kind.ts';
import { resultsChainOf } from '../model/results-chain.ts';
import type { Task } from '../model/task.ts';
import type { CycleTemplate } from '../model/template.ts';
import type { Ports } from '../ports.ts';

/**
 * What a task's output is checked against: the template's parameters, the cycle's dates, the task's round, and,
 * for an output whose rules read what the cycle recorded so far (a plan's actions name agreed priorities), the
 * cycle's results chain, read once from its record.
 */
export async function outputContextFor(
  deps: Pick<Ports, 'cycles' | 'clock'>,
  task: Pick<Task, 'cycleId' | 'round'>,
  cycle: Pick<Cycle, 'startedAt' | 'dates'>,
  template: CycleTemplate,
  timeZone: string,
  kind: Pick<OutputKind<never>, 'needs'>,
): Promise<OutputContext> {
  const record = kind.needs?.includes('results') ? await deps.cycles.record(task.cycleId) : undefined;
  return {
    parameters: template.parameters,
    cycleStartedAt: cycle.startedAt,
    dates: cycle.dates,
    timeZone,
    now: deps.clock.now(),
    round: task.round ?? 0,
    ...(kind.needs?.includes('results') ? { results: resultsChainOf(record?.tasks ?? []) } : {}),
  };
}
