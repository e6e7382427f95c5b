import { z } from 'zod';
import { TaskRequest } from '#shared/domain/deadlines.ts';
import { deadlineCheck } from '#shared/domain/steps.ts';
import { step } from '../shared/step.ts';

const Input = z.object({ request: TaskRequest });

/** A task's timer fired: wait again, stall the cycle, or abandon it. */
export const handler = step('deadline-check', Input, deadlineCheck);
