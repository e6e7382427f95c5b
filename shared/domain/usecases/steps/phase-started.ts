import { NotFoundError } from '../../errors.ts';
import { chainAtOf } from '../../model/chaining.ts';
import { planDueAt, planHardStop, requestFor } from '../../model/deadlines.ts';
import { taskIdOf } from '../../model/task.ts';
import type { TaskRequest } from '../../model/task-request.ts';
import { findPhase } from '../../model/template.ts';
import { changeCycle } from '../../ops/change-cycle.ts';
import { loadCycle } from '../../ops/load-cycle.ts';
import { recordEvent, WORKFLOW_ACTOR } from '../../ops/record-event.ts';
import type { Ports } from '../../ports.ts';

/** Input of the phase-started step. */
export interface PhaseStartedInput {
  cycleId: string;
  phase: string;
  revision: number;
  /** The round of a repeating phase (absent for other phases: 0). */
  round?: number | undefined;
  /** The version of the template the running definition was compiled from. */
  templateVersion: number;
  executionId: string;
  executionStartedAt: string;
}

/**
 * A phase starts (or a fresh execution resumes it): record it once, point the cycle at it and at the execution,
 * and plan its tasks' deadlines from its start; no wait may outlast the execution's chain age.
 */
export async function phaseStarted(
  deps: Pick<Ports, 'cycles' | 'tasks' | 'audit' | 'notifier' | 'clock' | 'templates' | 'engine'>,
  input: PhaseStartedInput,
): Promise<{ tasks: TaskRequest[] }> {
  const { cycle } = await loadCycle(deps, input.cycleId);
  // The definition that runs is the truth: its template version, whatever the cycle recorded at its start.
  const template = deps.templates.get(cycle.templateId, input.templateVersion);
  if (!template)
    throw new NotFoundError(`No template ${cycle.templateId} v${input.templateVersion} in this deployment`);
  const found = findPhase(template, input.phase);
  if (!found) throw new NotFoundError(`Template ${template.id} has no phase ${input.phase}`);
  const round = input.round ?? 0;
  // A later round of a repeating phase is its own event; the first keeps the id it always had.
  const roundSuffix = round > 0 ? `:m${round}` : '';
  const proposedStart = deps.clock.now().toISOString();
  const { run, created } = await deps.cycles.startPhase({
    cycleId: cycle.cycleId,
    phase: input.phase,
    revision: input.revision,
    startedAt: proposedStart,
  });
  if (created) {
    await deps.notifier.publish({
      type: 'cycle.phase-changed',
      at: run.startedAt,
      detail: {
        cycleId: cycle.cycleId,
        municipalityId: cycle.municipalityId,
        phase: input.phase,
        revision: input.revision,
      },
    });
  }
  await changeCycle(
    deps,
    cycle.cycleId,
    (current) =>
      current.currentPhase === input.phase &&
      current.revision === input.revision &&
      current.executionId === input.executionId &&
      current.templateVersion === input.templateVersion
        ? undefined
        : {
            currentPhase: input.phase,
            revision: input.revision,
            templateVersion: input.templateVersion,
            executionId: input.executionId,
            executionStartedAt: input.executionStartedAt,
          },
    // The cycle just loaded: a writer in between only makes the conditional update re-read.
    cycle,
  );
  await recordEvent(deps, {
    cycleId: cycle.cycleId,
    eventId: `phase.started:${input.phase}:r${input.revision}${roundSuffix}`,
    at: round > 0 ? proposedStart : run.startedAt,
    type: 'phase.started',
    actor: WORKFLOW_ACTOR,
    data: { phase: input.phase, revision: input.revision, ...(round > 0 ? { round } : {}) },
  });
  // A later round's deadlines run from when that round started.
  const startedAt = new Date(round > 0 ? proposedStart : run.startedAt);
  const planned = found.phase.tasks.map((taskTemplate) => {
    const dueAt = planDueAt(cycle, taskTemplate, startedAt);
    return {
      taskId: taskIdOf(cycle.cycleId, taskTemplate.key, input.revision, round),
      cycleId: cycle.cycleId,
      phase: input.phase,
      taskKey: taskTemplate.key,
      revision: input.revision,
      kind: 'task' as const,
      dueAt: dueAt.toISOString(),
      hardStopAt: planHardStop(template, taskTemplate, dueAt).toISOString(),
    };
  });
  // A task already opened (a restart, a resume, a chain) keeps its stored, possibly extended, deadline. A run
  // recorded just now has no task yet (openTask creates them after this step): nothing to read.
  const stored = created
    ? planned.map(() => undefined)
    : await Promise.all(planned.map((task) => deps.tasks.get(task.taskId)));
  const limits = {
    maxTimerSeconds: deps.engine.maxWaitSeconds,
    chainAt: chainAtOf(input.executionStartedAt, template.defaults.chainAfter),
  };
  return {
    tasks: planned.map((task, index) => requestFor(stored[index] ?? task, deps.clock, limits)),
  };
}
