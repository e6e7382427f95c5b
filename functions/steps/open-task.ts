import { z } from 'zod';
import { TaskRequest } from '#shared/domain/deadlines.ts';
import { openTask } from '#shared/domain/steps.ts';
import { step } from '../shared/step.ts';

const Input = TaskRequest.extend({ taskToken: z.string().min(1).max(2_048) });

/** The workflow waits on a human task: store it with its token (or rebind the token of the existing one). */
export const handler = step('open-task', Input, openTask);
