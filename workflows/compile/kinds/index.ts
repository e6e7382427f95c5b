import type { PhaseKind, PhaseTemplate } from '#shared/domain/model/template.ts';
import { approvalKind } from './approval.ts';
import type { PhaseKindCompiler } from './kind.ts';
import { repeatingKind } from './repeating.ts';
import { tasksKind } from './tasks.ts';

/** The compiler of every phase kind: a kind in the template schema without one here is a type error. */
export const phaseKindCompilers: {
  [K in PhaseKind]: PhaseKindCompiler<Extract<PhaseTemplate, { kind: K }>>;
} = {
  tasks: tasksKind,
  approval: approvalKind,
  // The work of these phases is in their outputs; the cycle goes on once their tasks are done.
  commitment: tasksKind,
  'group-formation': tasksKind,
  prioritisation: tasksKind,
  plan: tasksKind,
  fiche: tasksKind,
  implementation: tasksKind,
  'council-adoption': approvalKind,
  meeting: repeatingKind,
  'application-outcome': repeatingKind,
  'indicator-report': repeatingKind,
};

/** The compiler of a phase's kind. */
export function compilerOf(phase: PhaseTemplate): PhaseKindCompiler<PhaseTemplate> {
  return phaseKindCompilers[phase.kind] as PhaseKindCompiler<PhaseTemplate>;
}
