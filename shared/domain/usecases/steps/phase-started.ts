import { NotFoundError } from '../../errors.ts';
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
  executionId: string;
}

/** A phase starts: record it once, point the cycle at it, and plan its tasks' deadlines from its start. */
export async function phaseStarted(
  deps: Pick<Ports, 'cycles' | 'tasks' | 'audit' | 'notifier' | 'clock' | 'templates' | 'engine'>,
  input: PhaseStartedInput,
): Promise<{ tasks: TaskRequest[] }> {
  const { cycle, template } = await loadCycle(deps, input.cycleId);
  const found = findPhase(template, input.phase);
  if (!found) throw new NotFoundError(`Template ${template.id} has no phase ${input.phase}`);
  const proposedStart = deps.clock.now().toISOString();
  const run = await deps.cycles.startPhase({
    cycleId: cycle.cycleId,
    phase: input.phase,
    revision: input.revision,
    startedAt: proposedStart,
  });
  if (run.startedAt === proposedStart) {
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
  await changeCycle(deps, cycle.cycleId, (current) =>
    current.currentPhase === input.phase &&
    current.revision === input.revision &&
    current.executionId === input.executionId
      ? undefined
      : { currentPhase: input.phase, revision: input.revision, executionId: input.executionId },
  );
  await recordEvent(deps, {
    cycleId: cycle.cycleId,
    eventId: `phase.started:${input.phase}:r${input.revision}`,
    at: run.startedAt,
    type: 'phase.started',
    actor: WORKFLOW_ACTOR,
    data: { phase: input.phase, revision: input.revision },
  });
  const startedAt = new Date(run.startedAt);
  const planned = found.phase.tasks.map((taskTemplate) => {
    const dueAt = planDueAt(cycle, taskTemplate, startedAt);
    return {
      taskId: taskIdOf(cycle.cycleId, taskTemplate.key, input.revision),
      cycleId: cycle.cycleId,
      phase: input.phase,
      taskKey: taskTemplate.key,
      revision: input.revision,
      kind: 'task' as const,
      dueAt: dueAt.toISOString(),
      hardStopAt: planHardStop(template, taskTemplate, dueAt).toISOString(),
    };
  });
  // A task already opened (a restart, a resume) keeps its stored, possibly extended, deadline.
  const stored = await Promise.all(planned.map((task) => deps.tasks.get(task.taskId)));
  return {
    tasks: planned.map((task, index) =>
      requestFor(stored[index] ?? task, deps.clock, deps.engine.maxWaitSeconds),
    ),
  };
}
