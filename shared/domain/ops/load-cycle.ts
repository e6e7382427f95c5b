import { NotFoundError } from '../errors.ts';
import type { Cycle } from '../model/cycle.ts';
import type { CycleTemplate } from '../model/template.ts';
import type { Ports } from '../ports.ts';

/** A cycle with its template; a missing one is NotFound (the workflow records that as a failure). */
export async function loadCycle(
  deps: Pick<Ports, 'cycles' | 'templates'>,
  cycleId: string,
): Promise<{ cycle: Cycle; template: CycleTemplate }> {
  const cycle = await deps.cycles.get(cycleId);
  if (!cycle) throw new NotFoundError(`No cycle ${cycleId}`);
  const template = deps.templates.get(cycle.templateId, cycle.templateVersion);
  if (!template) throw new NotFoundError(`Cycle ${cycleId} uses unknown template ${cycle.templateId}`);
  return { cycle, template };
}
