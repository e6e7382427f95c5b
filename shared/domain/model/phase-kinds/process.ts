import * as z from 'zod';
import type { RuleContext } from '../template-parts.ts';
import { validateRevisionTarget } from './approval.ts';
import { oneRoundTask, outputPhase, producesOnly, RepeatingFields } from './output-phase.ts';

/**
 * The phase kinds of the whole ROMACT process, one per stage of the programme's own material: the letter of
 * commitment, the groups, the scored priorities, the joint meetings, the structured plan, the council's
 * adoption, the project fiches, the applications and their outcomes, implementation and indicator reports.
 */

/** The municipality signs the letter of commitment (or memorandum), names its contact and neighbourhoods. */
export const CommitmentPhase = outputPhase('commitment');
/** The CAG, the working group and the task force are formed. */
export const GroupFormationPhase = outputPhase('group-formation');
/** Needs are scored by each side and at least the template's minimum of priorities agreed. */
export const PrioritisationPhase = outputPhase('prioritisation');
/** The structured joint action plan is written. */
export const PlanPhase = outputPhase('plan');
/** Project fiches are written per action, for named calls. */
export const FichePhase = outputPhase('fiche');
/** Progress per action is reported. */
export const ImplementationPhase = outputPhase('implementation');

/** Joint meetings repeat, one round per meeting, until the group marks the phase done. */
export const MeetingPhase = outputPhase('meeting').extend(RepeatingFields);
/** Applications are reported round after round until every one is decided. */
export const ApplicationOutcomePhase = outputPhase('application-outcome').extend(RepeatingFields);
/** Indicators are reported per period until the last period. */
export const IndicatorReportPhase = outputPhase('indicator-report').extend(RepeatingFields);

/** The local council adopts the plan; a rejection sends it back to `backTo`, as a joint rejection does. */
export const CouncilAdoptionPhase = outputPhase('council-adoption').extend({
  backTo: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a lower-case key such as "plan-approval"'),
  maxRevisions: z.int().min(0).max(20),
});

/** A council adoption phase. */
export type CouncilAdoptionPhase = z.infer<typeof CouncilAdoptionPhase>;
/** A repeating phase (meetings, application rounds, indicator periods). */
export type RepeatingPhase =
  | z.infer<typeof MeetingPhase>
  | z.infer<typeof ApplicationOutcomePhase>
  | z.infer<typeof IndicatorReportPhase>;

type Rule<P> = (phase: P, index: number, phaseIndex: ReadonlyMap<string, number>, ctx: RuleContext) => void;

/** The rules of each process kind beyond its schema. */
export const processKindRules = {
  commitment: producesOnly('commitment', ['commitment-letter']),
  'group-formation': producesOnly('group-formation', ['group-formation']),
  prioritisation: producesOnly('prioritisation', ['prioritisation']),
  plan: producesOnly('plan', ['joint-plan']),
  fiche: producesOnly('fiche', ['project-fiches']),
  implementation: producesOnly('implementation', ['implementation-progress']),
  meeting: ((phase, index, phaseIndex, ctx) => {
    producesOnly('meeting', ['meeting-minutes'])(phase, index, phaseIndex, ctx);
    oneRoundTask(phase, index, ctx);
  }) as Rule<z.infer<typeof MeetingPhase>>,
  'application-outcome': ((phase, index, phaseIndex, ctx) => {
    producesOnly('application-outcome', ['application-outcomes'])(phase, index, phaseIndex, ctx);
    oneRoundTask(phase, index, ctx);
  }) as Rule<z.infer<typeof ApplicationOutcomePhase>>,
  'indicator-report': ((phase, index, phaseIndex, ctx) => {
    producesOnly('indicator-report', ['indicator-report', 'implementation-progress'])(
      phase,
      index,
      phaseIndex,
      ctx,
    );
    oneRoundTask(phase, index, ctx);
  }) as Rule<z.infer<typeof IndicatorReportPhase>>,
  'council-adoption': ((phase, index, phaseIndex, ctx) => {
    producesOnly('council-adoption', ['council-decision'])(phase, index, phaseIndex, ctx);
    phase.tasks.forEach((task, taskIndex) => {
      if (task.assignee !== 'municipality')
        ctx.addIssue({
          code: 'custom',
          path: ['phases', index, 'tasks', taskIndex, 'assignee'],
          message: 'the council decision is recorded by the municipality',
        });
    });
    validateRevisionTarget(phase, index, phaseIndex, ctx);
  }) as Rule<CouncilAdoptionPhase>,
};
