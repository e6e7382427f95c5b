import type { PhaseTemplate } from '#shared/domain/model/template.ts';
import type { PhaseKindCompiler } from './kind.ts';

/**
 * A phase of tasks goes straight on once they are done; so do the process kinds whose work is all in their
 * outputs (commitment, groups, priorities, plan, fiches, implementation).
 */
export const tasksKind: PhaseKindCompiler<PhaseTemplate> = {
  afterEnd: ({ continueTo }) => continueTo,
  diagram: () => [],
};
