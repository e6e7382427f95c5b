import * as z from 'zod';
import { isPositiveDuration } from '../duration.ts';
import { LocalizedText, Role } from './roles.ts';
import { taskOutputNames } from './task-outputs.ts';

/** The building blocks every phase kind shares: keys, durations, human tasks and their notification policy. */

/** A template key: lower case, such as "plan-approval". */
export const Key = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'must be a lower-case key such as "plan-approval"');

/** A positive ISO-8601 duration. */
export const DurationText = z
  .string()
  .refine(isPositiveDuration, 'must be a positive ISO-8601 duration such as "P30D"');

/** Reminder and escalation policy of a task (template-wide defaults, overridable per task). */
export const NotificationPolicy = z.strictObject({
  remindBefore: z.array(DurationText).max(10).optional(),
  escalateAfter: DurationText.optional(),
  secondEscalationAfter: DurationText.optional(),
});

/** A human task of a phase. */
export const TaskTemplate = z.strictObject({
  key: Key,
  title: LocalizedText,
  assignee: Role,
  due: z.strictObject({
    /** Due this long after the phase starts... */
    after: DurationText,
    /** ...unless the cycle was started with a date of this name (a funding call's closing date). */
    unlessDate: z
      .string()
      .regex(/^[a-z][a-zA-Z0-9]{0,39}$/)
      .optional(),
  }),
  output: z.enum(taskOutputNames),
  /** How long after the due date the workflow stops waiting and the cycle stalls. */
  hardStopAfter: DurationText.optional(),
  notifications: NotificationPolicy.optional(),
});
/** A human task of a phase. */
export type TaskTemplate = z.infer<typeof TaskTemplate>;

/** What every phase has, whatever its kind. */
export const PhaseBase = z.strictObject({
  key: Key,
  title: LocalizedText,
  tasks: z.array(TaskTemplate).min(1).max(10),
});

/** Reports a template rule broken at a path (the template's superRefine context, narrowed). */
export interface RuleContext {
  addIssue(issue: { code: 'custom'; path: (string | number)[]; message: string }): void;
}
