import { createHash, randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { ConcurrentUpdateError, ConflictError, type FieldIssue } from '../errors.ts';
import type { Actor } from '../model/actor.ts';
import { type Cycle, liveStatuses } from '../model/cycle.ts';
import type { Municipality } from '../model/municipality.ts';
import type { CycleTemplate } from '../model/template.ts';
import type { LiveSlot, Ports } from '../ports.ts';
import { changeCycle } from './change-cycle.ts';
import { recordEvent } from './record-event.ts';

/** What a new cycle is made of (already validated against its template). */
export interface NewCycle {
  municipality: Municipality;
  template: CycleTemplate;
  dates: Record<string, string>;
  dueOverrides: Record<string, string>;
  clientToken?: string;
  previousCycleId?: string;
  /** Run next to a live cycle of the same template on purpose. */
  parallel?: boolean;
}

/** Cycle id: derived from the client token when there is one, so a retried start finds the same cycle. */
export function cycleIdFor(municipalityId: string, clientToken: string | undefined): string {
  const seed = clientToken ? `${municipalityId}\u0000${clientToken}` : randomUUID();
  return `cyc-${createHash('sha256').update(seed).digest('hex').slice(0, 20)}`;
}

/** The slot a municipality's live cycles of a template share. */
export const liveSlotOf = (cycle: Pick<Cycle, 'municipalityId' | 'templateId'>): LiveSlot => ({
  municipalityId: cycle.municipalityId,
  templateId: cycle.templateId,
});

/**
 * A client token used again: the same request returns the cycle it started; a different request, or a cycle
 * that has ended, is a conflict that says what differs.
 */
function replay(stored: Cycle, request: NewCycle): Cycle {
  const differences: FieldIssue[] = [];
  if (stored.municipalityId !== request.municipality.municipalityId)
    differences.push({
      path: 'municipalityId',
      message: 'this client token was used for another municipality',
    });
  if (stored.templateId !== request.template.id)
    differences.push({
      path: 'templateId',
      message: `this client token started a cycle of template ${stored.templateId}`,
    });
  if (!isDeepStrictEqual(stored.dates, request.dates))
    differences.push({ path: 'dates', message: 'this client token started a cycle with other dates' });
  if (!isDeepStrictEqual(stored.dueOverrides, request.dueOverrides))
    differences.push({
      path: 'dueOverrides',
      message: 'this client token started a cycle with other due offsets',
    });
  if (Boolean(stored.parallel) !== Boolean(request.parallel))
    differences.push({
      path: 'parallel',
      message: `this client token started a cycle with parallel: ${Boolean(stored.parallel)}`,
    });
  if (differences.length)
    throw new ConflictError(
      `Client token ${stored.clientToken} already started cycle ${stored.cycleId} differently`,
      differences,
    );
  if (!liveStatuses.has(stored.status)) {
    throw new ConflictError(`The cycle this client token started, ${stored.cycleId}, is ${stored.status}`, [
      { path: 'clientToken', message: `already used for cycle ${stored.cycleId}, now ${stored.status}` },
    ]);
  }
  return stored;
}

/**
 * Takes the municipality's live slot for the template: one running cycle at a time unless the request asks
 * for a parallel one. A slot held by a cycle that has ended (a crash between its end and the release) is taken
 * over.
 */
async function claimSlot(deps: Pick<Ports, 'cycles'>, slot: LiveSlot, cycleId: string, from?: string) {
  const claim = await deps.cycles.claimLiveSlot(slot, cycleId, from);
  if (claim.claimed) return;
  const holder = claim.holder ? await deps.cycles.get(claim.holder) : undefined;
  if (holder && liveStatuses.has(holder.status)) {
    throw new ConflictError(
      `${slot.municipalityId} already has a running ${slot.templateId} cycle, ${holder.cycleId}`,
      [
        {
          path: 'municipalityId',
          message: `has the running cycle ${holder.cycleId}; cancel it, or start with "parallel": true`,
        },
      ],
    );
  }
  if (!(await deps.cycles.claimLiveSlot(slot, cycleId, claim.holder)).claimed) {
    throw new ConcurrentUpdateError(`live slot of ${slot.municipalityId}`);
  }
}

/** Takes the live slot (unless parallel) and stores the new cycle; a cycle stored first by a racing start wins. */
async function storeCycle(
  deps: Pick<Ports, 'cycles' | 'clock'>,
  request: NewCycle,
  cycleId: string,
): Promise<Cycle> {
  const now = deps.clock.now().toISOString();
  const slot = { municipalityId: request.municipality.municipalityId, templateId: request.template.id };
  if (!request.parallel) await claimSlot(deps, slot, cycleId, request.previousCycleId);

  const firstPhase = request.template.phases[0]?.key ?? '';
  const { cycle, created } = await deps.cycles.create({
    cycleId,
    templateId: request.template.id,
    templateVersion: request.template.version,
    municipalityId: request.municipality.municipalityId,
    country: request.municipality.country,
    timeZone: request.municipality.timeZone,
    status: 'RUNNING',
    currentPhase: firstPhase,
    revision: 0,
    dates: request.dates,
    dueOverrides: request.dueOverrides,
    executionName: cycleId,
    ...(request.clientToken ? { clientToken: request.clientToken } : {}),
    ...(request.parallel ? { parallel: true } : {}),
    ...(request.previousCycleId ? { previousCycleId: request.previousCycleId } : {}),
    startedAt: now,
    updatedAt: now,
    version: 1,
  });
  return created ? cycle : replay(cycle, request);
}

/**
 * Stores a cycle once and starts its workflow once: the id comes from the client token and the execution key
 * from the id, so a start repeated after a crash finds both and creates nothing new.
 */
export async function createCycle(
  deps: Pick<Ports, 'cycles' | 'audit' | 'engine' | 'clock'>,
  request: NewCycle,
  actor: Actor,
): Promise<Cycle> {
  const cycleId = cycleIdFor(request.municipality.municipalityId, request.clientToken);
  const earlier = request.clientToken ? await deps.cycles.get(cycleId) : undefined;
  // A repeated start returns the same cycle, and finishes what a crash left undone (its audit, its workflow).
  const cycle = earlier ? replay(earlier, request) : await storeCycle(deps, request, cycleId);
  await recordEvent(deps, {
    cycleId,
    eventId: 'cycle.started',
    at: cycle.startedAt,
    type: 'cycle.started',
    actor,
    data: {
      templateId: cycle.templateId,
      templateVersion: cycle.templateVersion,
      previousCycleId: cycle.previousCycleId,
    },
  });
  if (liveStatuses.has(cycle.status) && !cycle.stateMachineVersion) {
    // Same key, same input: a retry after a crash starts nothing new.
    const started = await deps.engine.start(cycle.templateId, cycle.executionName, {
      cycleId,
      revision: { count: 0 },
    });
    // The version is what chained executions will run; the first phase step may have recorded the rest.
    return changeCycle(deps, cycleId, (current) =>
      current.stateMachineVersion
        ? undefined
        : {
            stateMachineVersion: started.version,
            ...(current.executionId
              ? {}
              : { executionId: started.executionId, executionStartedAt: started.startedAt }),
          },
    );
  }
  return cycle;
}
