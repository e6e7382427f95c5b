import * as z from 'zod';
import { chainAfterProblem } from './chaining.ts';
import { type PhaseKind, PhaseTemplate, phaseKindRules } from './phase-kinds/index.ts';
import { LocalizedText } from './roles.ts';
import { outcomeOutputs } from './task-outputs.ts';
import { DurationText, Key, NotificationPolicy, type TaskTemplate } from './template-parts.ts';

export { type PhaseKind, PhaseTemplate } from './phase-kinds/index.ts';
export { NotificationPolicy, TaskTemplate } from './template-parts.ts';

/**
 * A cycle template is data: ordered phases of one of the phase kinds (tasks, joint approvals with a bounded
 * number of revisions, ...), and a last phase whose outcome starts the next cycle or closes. Every template is
 * validated at load.
 */

/** A whole cycle template. */
export const CycleTemplate = z
  .strictObject({
    id: Key,
    version: z.int().min(1),
    title: LocalizedText,
    parameters: z
      .strictObject({
        minCagMembersPresent: z.int().min(0).max(1_000).optional(),
        /** The fewest members the Community Action Group may be formed with. */
        minCagMembers: z.int().min(0).max(1_000).optional(),
        /** The fewest joint meetings before the group may mark a meeting phase done. */
        minMeetings: z.int().min(1).max(60).optional(),
        /** The fewest priorities the two sides must agree. */
        minPriorities: z.int().min(1).max(50).optional(),
        /** How long CAG members may object to an entry made on their behalf (assisted entry) before it counts. */
        objectionWindow: z
          .string()
          .regex(/^P\d{1,2}D$/, 'must be a number of days such as "P3D"')
          .optional(),
      })
      .default({}),
    defaults: z.strictObject({
      hardStopAfter: DurationText,
      /**
       * An execution of the cycle never waits past this age: it chains to a fresh one that resumes the same
       * tasks. At most P358D (Step Functions ends a Standard execution at one year); a due date further out is
       * simply waited for across several executions.
       */
      chainAfter: DurationText,
      /** Coordinator's window to resume or cancel a stalled cycle. */
      stallResolution: z.strictObject({ due: DurationText, hardStopAfter: DurationText }),
      notifications: NotificationPolicy.default({}),
    }),
    phases: z.array(PhaseTemplate).min(1).max(20),
  })
  .superRefine((template, ctx) => {
    const chainProblem = chainAfterProblem(template.defaults.chainAfter);
    if (chainProblem)
      ctx.addIssue({ code: 'custom', path: ['defaults', 'chainAfter'], message: chainProblem });
    const phaseIndex = new Map<string, number>();
    const taskKeys = new Map<string, string>();
    template.phases.forEach((phase, index) => {
      if (phaseIndex.has(phase.key)) {
        ctx.addIssue({
          code: 'custom',
          path: ['phases', index, 'key'],
          message: `duplicate phase key "${phase.key}"`,
        });
      }
      phaseIndex.set(phase.key, index);
      phase.tasks.forEach((task, taskIndex) => {
        if (taskKeys.has(task.key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['phases', index, 'tasks', taskIndex, 'key'],
            message: `duplicate task key "${task.key}"`,
          });
        }
        taskKeys.set(task.key, phase.key);
      });
      const rules = phaseKindRules[phase.kind as PhaseKind] as (
        phase: PhaseTemplate,
        index: number,
        phaseIndex: ReadonlyMap<string, number>,
        context: typeof ctx,
      ) => void;
      rules(phase, index, phaseIndex, ctx);
    });
    const minMeetings = template.parameters.minMeetings ?? 1;
    template.phases.forEach((phase, index) => {
      if (phase.kind === 'meeting' && phase.maxRounds < minMeetings)
        ctx.addIssue({
          code: 'custom',
          path: ['phases', index, 'maxRounds'],
          message: `must allow the ${minMeetings} meetings the template requires (parameters.minMeetings)`,
        });
    });
    const last = template.phases.at(-1);
    const outcomeTasks = template.phases.flatMap((phase) =>
      phase.tasks.filter((task) => outcomeOutputs.has(task.output)).map((task) => ({ phase, task })),
    );
    for (const { phase, task } of outcomeTasks) {
      if (phase !== last) {
        ctx.addIssue({
          code: 'custom',
          path: ['phases', template.phases.indexOf(phase), 'tasks', phase.tasks.indexOf(task), 'output'],
          message: 'only a task of the last phase may choose the cycle outcome',
        });
      }
    }
    if (outcomeTasks.length > 1) {
      ctx.addIssue({
        code: 'custom',
        path: ['phases'],
        message: 'at most one task may choose the cycle outcome',
      });
    }
  });
/** A validated cycle template. */
export type CycleTemplate = z.infer<typeof CycleTemplate>;

/** A template that failed validation; the message names every offending path. */
export class TemplateValidationError extends Error {
  constructor(
    readonly templateId: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(
      `Invalid cycle template "${templateId}": ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
    );
    this.name = 'TemplateValidationError';
  }
}

/** Validates a template (from code or a file) and returns it typed, or throws naming each bad path. */
export function parseTemplate(input: unknown): CycleTemplate {
  const result = CycleTemplate.safeParse(input);
  if (result.success) return result.data;
  const id = typeof input === 'object' && input !== null && 'id' in input ? String(input.id) : '(unknown)';
  throw new TemplateValidationError(
    id,
    result.error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message })),
  );
}

/** The task that chooses the cycle's outcome, if the template has one. */
export function outcomeTask(
  template: CycleTemplate,
): { phase: PhaseTemplate; task: TaskTemplate } | undefined {
  const phase = template.phases.at(-1);
  const task = phase?.tasks.find((candidate) => outcomeOutputs.has(candidate.output));
  return phase && task ? { phase, task } : undefined;
}

/** Finds a phase and its position, or undefined. */
export function findPhase(template: CycleTemplate, phaseKey: string) {
  const index = template.phases.findIndex((phase) => phase.key === phaseKey);
  const phase = template.phases[index];
  return phase ? { phase, index } : undefined;
}

/** Finds a task of a phase, or undefined. */
export function findTask(template: CycleTemplate, phaseKey: string, taskKey: string) {
  return findPhase(template, phaseKey)?.phase.tasks.find((task) => task.key === taskKey);
}
