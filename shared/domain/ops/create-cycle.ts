import { createHash, randomUUID } from 'node:crypto';
import { ConcurrentUpdateError, ConflictError } from '../errors.ts';
import { type Cycle, liveStatuses } from '../model/cycle.ts';
import type { Municipality } from '../model/municipality.ts';
import type { CycleTemplate } from '../model/template.ts';
import type { Ports } from '../ports.ts';
import { recordEvent } from './record-event.ts';

/** What a new cycle is made of (already validated against its template). */
export interface NewCycle {
  municipality: Municipality;
  template: CycleTemplate;
  dates: Record<string, string>;
  dueOverrides: Record<string, string>;
  clientToken?: string;
  previousCycleId?: string;
}

/** Cycle id: derived from the client token when there is one, so a retried start finds the same cycle. */
export function cycleIdFor(municipalityId: string, clientToken: string | undefined): string {
  const seed = clientToken ? `${municipalityId}\u0000${clientToken}` : randomUUID();
  return `cyc-${createHash('sha256').update(seed).digest('hex').slice(0, 20)}`;
}

/**
 * Stores a cycle once and starts its workflow once: the id comes from the client token and the execution key
 * from the id, so a start repeated after a crash finds both and creates nothing new.
 */
export async function createCycle(
  deps: Pick<Ports, 'cycles' | 'audit' | 'engine' | 'clock'>,
  request: NewCycle,
  actor: string,
): Promise<Cycle> {
  const now = deps.clock.now().toISOString();
  const cycleId = cycleIdFor(request.municipality.municipalityId, request.clientToken);
  const firstPhase = request.template.phases[0]?.key ?? '';
  const { cycle, created } = await deps.cycles.create({
    cycleId,
    templateId: request.template.id,
    templateVersion: request.template.version,
    municipalityId: request.municipality.municipalityId,
    country: request.municipality.country,
    status: 'RUNNING',
    currentPhase: firstPhase,
    revision: 0,
    dates: request.dates,
    dueOverrides: request.dueOverrides,
    executionName: cycleId,
    ...(request.clientToken ? { clientToken: request.clientToken } : {}),
    ...(request.previousCycleId ? { previousCycleId: request.previousCycleId } : {}),
    startedAt: now,
    updatedAt: now,
    version: 1,
  });
  if (!created && cycle.municipalityId !== request.municipality.municipalityId) {
    throw new ConflictError('This client token was used for another municipality');
  }
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
  if (liveStatuses.has(cycle.status) && !cycle.executionId) {
    // Same key, same input: a retry after a crash starts nothing new.
    const { executionId } = await deps.engine.start(cycle.templateId, cycle.executionName, {
      cycleId,
      revision: { count: 0 },
    });
    try {
      return await deps.cycles.update(cycle, { executionId });
    } catch (error) {
      // The first phase step recorded the execution already.
      if (!(error instanceof ConcurrentUpdateError)) throw error;
      return (await deps.cycles.get(cycleId)) ?? cycle;
    }
  }
  return cycle;
}
