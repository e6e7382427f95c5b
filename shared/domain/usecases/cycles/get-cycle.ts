import { type Caller, visibleCycle } from '../../model/caller.ts';
import type { CycleRecord, Ports } from '../../ports.ts';

/** The cycle with its phases, tasks and audit trail, if the caller may see it. */
export async function getCycle(
  deps: Pick<Ports, 'cycles'>,
  caller: Caller,
  cycleId: string,
): Promise<CycleRecord> {
  const record = await deps.cycles.record(cycleId);
  visibleCycle(caller, record?.cycle, cycleId);
  return record as CycleRecord;
}
