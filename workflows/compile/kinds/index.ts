import type { PhaseKind, PhaseTemplate } from '#shared/domain/model/template.ts';
import { approvalKind } from './approval.ts';
import type { PhaseKindCompiler } from './kind.ts';
import { tasksKind } from './tasks.ts';

/** The compiler of every phase kind: a kind in the template schema without one here is a type error. */
export const phaseKindCompilers: {
  [K in PhaseKind]: PhaseKindCompiler<Extract<PhaseTemplate, { kind: K }>>;
} = {
  tasks: tasksKind,
  approval: approvalKind,
};

/** The compiler of a phase's kind. */
export function compilerOf(phase: PhaseTemplate): PhaseKindCompiler<PhaseTemplate> {
  return phaseKindCompilers[phase.kind] as PhaseKindCompiler<PhaseTemplate>;
}
