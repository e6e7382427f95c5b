import { NotFoundError } from '../../errors.ts';
import { changeCycle } from '../../ops/change-cycle.ts';
import { createCycle } from '../../ops/create-cycle.ts';
import { loadCycle } from '../../ops/load-cycle.ts';
import { WORKFLOW_ACTOR } from '../../ops/record-event.ts';
import type { Ports } from '../../ports.ts';

/** The review chose `next-cycle`: start the same municipality's next cycle (once; the client token is fixed). */
export async function startNextCycle(
  deps: Pick<Ports, 'cycles' | 'municipalities' | 'audit' | 'engine' | 'clock' | 'templates'>,
  input: { cycleId: string },
): Promise<{ nextCycleId: string }> {
  const { cycle, template } = await loadCycle(deps, input.cycleId);
  const municipality = await deps.municipalities.get(cycle.municipalityId);
  if (!municipality) throw new NotFoundError(`No municipality ${cycle.municipalityId}`);
  const next = await createCycle(
    deps,
    {
      municipality,
      template,
      dates: {},
      dueOverrides: {},
      clientToken: `next-of-${cycle.cycleId}`,
      previousCycleId: cycle.cycleId,
      // A parallel cycle holds no live slot: its successor runs beside the municipality's running cycle too.
      ...(cycle.parallel ? { parallel: true } : {}),
    },
    WORKFLOW_ACTOR,
  );
  await changeCycle(deps, cycle.cycleId, (current) =>
    current.nextCycleId === next.cycleId ? undefined : { nextCycleId: next.cycleId },
  );
  return { nextCycleId: next.cycleId };
}
