import type { TasksPhase } from '#shared/domain/model/phase-kinds/tasks.ts';
import type { PhaseKindCompiler } from './kind.ts';

/** A phase of tasks goes straight on once they are done. */
export const tasksKind: PhaseKindCompiler<TasksPhase> = {
  afterEnd: ({ continueTo }) => continueTo,
  diagram: () => [],
};
