import * as z from 'zod';
import { roundOutputs, type TaskOutputName } from '../task-outputs.ts';
import { PhaseBase, type RuleContext } from '../template-parts.ts';

/**
 * What the phase kinds of the whole ROMACT process share: a kind is named for the work its tasks record, so
 * its tasks produce that work's outputs; a repeating kind (meetings, reporting periods, application rounds)
 * runs its tasks again, round after round, until its round task says the phase is done.
 */

/** The schema of a phase kind whose tasks produce the given outputs. */
export function outputPhase<K extends string>(kind: K) {
  return PhaseBase.extend({ kind: z.literal(kind) });
}

/** How many rounds a repeating phase may run at most (the meetings of a year, monthly). */
export const RepeatingFields = {
  /** The most rounds the phase runs; a round asking for another past it ends the phase. */
  maxRounds: z.int().min(1).max(60),
};

/** The rule of an output phase: each task produces one of the kind's outputs. */
export function producesOnly(kind: string, outputs: readonly TaskOutputName[]) {
  return (phase: z.infer<typeof PhaseBase>, index: number, _: unknown, ctx: RuleContext): void => {
    phase.tasks.forEach((task, taskIndex) => {
      if (!(outputs as readonly string[]).includes(task.output))
        ctx.addIssue({
          code: 'custom',
          path: ['phases', index, 'tasks', taskIndex, 'output'],
          message: `a task of a ${kind} phase must produce ${outputs.join(' or ')}`,
        });
    });
  };
}

/** The rule of a repeating phase: exactly one task says whether another round follows. */
export function oneRoundTask(phase: z.infer<typeof PhaseBase>, index: number, ctx: RuleContext): void {
  const deciders = phase.tasks.filter((task) => roundOutputs.has(task.output));
  if (deciders.length !== 1)
    ctx.addIssue({
      code: 'custom',
      path: ['phases', index, 'tasks'],
      message: `exactly one task must say whether another round follows (${[...roundOutputs].join(', ')})`,
    });
}

/** The index of the task of a repeating phase whose output decides the next round. */
export function roundTaskIndex(phase: z.infer<typeof PhaseBase>): number {
  return phase.tasks.findIndex((task) => roundOutputs.has(task.output));
}
