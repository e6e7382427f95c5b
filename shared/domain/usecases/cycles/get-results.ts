import { type Caller, visibleCycle } from '../../model/caller.ts';
import {
  type CarriedOver,
  carriedOverFrom,
  type ResultsChain,
  resultsChainOf,
} from '../../model/results-chain.ts';
import type { Ports } from '../../ports.ts';

/** A cycle's results chain, and what it carried over from the cycle before it. */
export interface CycleResults {
  cycleId: string;
  templateId: string;
  templateVersion?: number;
  status: string;
  chain: ResultsChain;
  /** The previous cycle's open actions and its indicators' latest values, when this cycle followed one. */
  carriedOver?: CarriedOver;
}

/**
 * The chain from need to measured result of one cycle, derived from its record in one read (and one more for
 * the previous cycle it carries on from), if the caller may see the cycle.
 */
export async function getResults(
  deps: Pick<Ports, 'cycles'>,
  caller: Caller,
  cycleId: string,
): Promise<CycleResults> {
  const record = await deps.cycles.record(cycleId);
  const cycle = visibleCycle(caller, record?.cycle, cycleId);
  const previous = cycle.previousCycleId ? await deps.cycles.record(cycle.previousCycleId) : undefined;
  return {
    cycleId: cycle.cycleId,
    templateId: cycle.templateId,
    ...(cycle.templateVersion ? { templateVersion: cycle.templateVersion } : {}),
    status: cycle.status,
    chain: resultsChainOf(record?.tasks ?? []),
    ...(previous
      ? { carriedOver: carriedOverFrom(previous.cycle.cycleId, resultsChainOf(previous.tasks)) }
      : {}),
  };
}
