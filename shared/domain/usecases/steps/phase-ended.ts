import { createHash } from 'node:crypto';
import { addDuration } from '../../duration.ts';
import type { TaskSummary } from '../../model/task-outputs.ts';
import { loadCycle } from '../../ops/load-cycle.ts';
import { recordEvent, WORKFLOW_ACTOR } from '../../ops/record-event.ts';
import type { Ports } from '../../ports.ts';

/** Input of the phase-ended step: the phase, and what each of its tasks sent the workflow. */
export interface PhaseEndedInput {
  cycleId: string;
  phase: string;
  revision: number;
  results: Partial<TaskSummary>[];
  executionStartedAt: string;
}

/** A phase ended: record it, and say whether this execution is old enough to chain to a fresh one. */
export async function phaseEnded(
  deps: Pick<Ports, 'cycles' | 'audit' | 'clock' | 'templates'>,
  input: PhaseEndedInput,
): Promise<{ chain: boolean; chainName: string }> {
  const { cycle, template } = await loadCycle(deps, input.cycleId);
  const now = deps.clock.now();
  const run = await deps.cycles.startPhase({
    cycleId: cycle.cycleId,
    phase: input.phase,
    revision: input.revision,
    startedAt: now.toISOString(),
  });
  const ended = run.endedAt ? run : await deps.cycles.endPhase(run, now.toISOString());
  const decisions = input.results
    .filter((result) => result.decision !== undefined)
    .map((result) => ({ taskId: result.taskId, decision: result.decision }));
  await recordEvent(deps, {
    cycleId: cycle.cycleId,
    eventId: `phase.ended:${input.phase}:r${input.revision}`,
    at: ended.endedAt ?? now.toISOString(),
    type: 'phase.ended',
    actor: WORKFLOW_ACTOR,
    data: { phase: input.phase, revision: input.revision, ...(decisions.length ? { decisions } : {}) },
  });
  const chainAt = addDuration(new Date(input.executionStartedAt), template.defaults.chainAfter);
  const chainName = executionNameFor(`${cycle.cycleId}-${input.phase}-r${input.revision}`);
  return { chain: now >= chainAt, chainName };
}

/** Step Functions execution names: at most 80 characters of [A-Za-z0-9-_]. */
export function executionNameFor(wanted: string): string {
  const clean = wanted.replace(/[^A-Za-z0-9_-]/g, '-');
  if (clean.length <= 80) return clean;
  const hash = createHash('sha256').update(clean).digest('hex').slice(0, 12);
  return `${clean.slice(0, 67)}-${hash}`;
}
