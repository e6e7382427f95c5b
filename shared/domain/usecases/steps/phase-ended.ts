import type { TaskSummary } from '../../model/task-outputs.ts';
import { loadCycle } from '../../ops/load-cycle.ts';
import { recordEvent, WORKFLOW_ACTOR } from '../../ops/record-event.ts';
import type { Ports } from '../../ports.ts';

/** Input of the phase-ended step: the phase, and what each of its tasks sent the workflow. */
export interface PhaseEndedInput {
  cycleId: string;
  phase: string;
  revision: number;
  /** The round of a repeating phase (absent for other phases: 0). */
  round?: number | undefined;
  results: Partial<TaskSummary>[];
}

/** A phase ended: record it once. */
export async function phaseEnded(
  deps: Pick<Ports, 'cycles' | 'audit' | 'clock' | 'templates'>,
  input: PhaseEndedInput,
): Promise<Record<string, never>> {
  const { cycle } = await loadCycle(deps, input.cycleId);
  const now = deps.clock.now();
  // One write: the run phaseStarted recorded gets its end (a repeat keeps the first end).
  const ended = await deps.cycles.endPhase(
    { cycleId: cycle.cycleId, phase: input.phase, revision: input.revision },
    now.toISOString(),
  );
  const decisions = input.results
    .filter((result) => result.decision !== undefined)
    .map((result) => ({ taskId: result.taskId, decision: result.decision }));
  await recordEvent(deps, {
    cycleId: cycle.cycleId,
    eventId: `phase.ended:${input.phase}:r${input.revision}${input.round ? `:m${input.round}` : ''}`,
    at: input.round ? now.toISOString() : (ended.endedAt ?? now.toISOString()),
    type: 'phase.ended',
    actor: WORKFLOW_ACTOR,
    data: {
      phase: input.phase,
      revision: input.revision,
      ...(input.round ? { round: input.round } : {}),
      ...(decisions.length ? { decisions } : {}),
    },
  });
  return {};
}
