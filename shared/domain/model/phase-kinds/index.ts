import * as z from 'zod';
import type { RuleContext } from '../template-parts.ts';
import { ApprovalPhase, validateApproval } from './approval.ts';
import {
  ApplicationOutcomePhase,
  CommitmentPhase,
  CouncilAdoptionPhase,
  FichePhase,
  GroupFormationPhase,
  ImplementationPhase,
  IndicatorReportPhase,
  MeetingPhase,
  PlanPhase,
  PrioritisationPhase,
  processKindRules,
} from './process.ts';
import { TasksPhase } from './tasks.ts';

/**
 * Phase kinds: each kind owns its schema and its rules here, and its ASL and diagram in `workflows/compile/`.
 * A new kind is one file here, one there, and a line in each registry.
 */
export const PhaseTemplate = z.discriminatedUnion('kind', [
  TasksPhase,
  ApprovalPhase,
  CommitmentPhase,
  GroupFormationPhase,
  PrioritisationPhase,
  MeetingPhase,
  PlanPhase,
  CouncilAdoptionPhase,
  FichePhase,
  ApplicationOutcomePhase,
  ImplementationPhase,
  IndicatorReportPhase,
]);
/** A phase of a cycle, of one of the kinds. */
export type PhaseTemplate = z.infer<typeof PhaseTemplate>;
/** The name of a phase kind. */
export type PhaseKind = PhaseTemplate['kind'];

/** The template rules of each kind, beyond its schema. */
export const phaseKindRules: {
  [K in PhaseKind]: (
    phase: Extract<PhaseTemplate, { kind: K }>,
    index: number,
    phaseIndex: ReadonlyMap<string, number>,
    ctx: RuleContext,
  ) => void;
} = {
  tasks: () => {},
  approval: validateApproval,
  ...processKindRules,
};

/** The kinds whose phase runs again, round after round, until its round task says it is done. */
export const repeatingKinds: ReadonlySet<PhaseKind> = new Set([
  'meeting',
  'application-outcome',
  'indicator-report',
]);
