import { NotFoundError } from '../errors.ts';
import { type Cycle, type CycleStatus, statusChange } from '../model/cycle.ts';
import type { Ports } from '../ports.ts';
import { updateWithRetry } from './retry.ts';

/**
 * Updates a cycle, re-reading and deciding again when another writer got there first. `initial` is the cycle
 * as the caller just read it (saves a read; a stale one only costs the retry a lost condition makes anyway).
 */
export async function changeCycle(
  deps: Pick<Ports, 'cycles' | 'clock'>,
  cycleId: string,
  change: (cycle: Cycle) => Partial<Cycle> | undefined,
  initial?: Cycle,
): Promise<Cycle> {
  return updateWithRetry(
    async () => {
      const cycle = await deps.cycles.get(cycleId);
      if (!cycle) throw new NotFoundError(`No cycle ${cycleId}`);
      return cycle;
    },
    (cycle) => {
      const changes = change(cycle);
      return changes
        ? deps.cycles.update(cycle, { ...changes, updatedAt: deps.clock.now().toISOString() })
        : undefined;
    },
    initial ? { initial } : {},
  );
}

/** Moves a live cycle to `status` if it is in one of `from`; a repeat changes nothing. */
export function setCycleStatus(
  deps: Pick<Ports, 'cycles' | 'clock'>,
  cycleId: string,
  status: CycleStatus,
  from: readonly CycleStatus[],
  extra: Partial<Cycle> = {},
): Promise<Cycle> {
  return changeCycle(deps, cycleId, (cycle) => statusChange(cycle, status, from, extra));
}
