import * as z from 'zod';
import { PhaseBase } from '../template-parts.ts';

/** A phase of tasks that all have to be done; then the cycle moves on. */
export const TasksPhase = PhaseBase.extend({ kind: z.literal('tasks') });
/** A phase of tasks. */
export type TasksPhase = z.infer<typeof TasksPhase>;
