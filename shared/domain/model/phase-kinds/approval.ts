import * as z from 'zod';
import { decisionOutputs } from '../task-outputs.ts';
import { Key, PhaseBase, type RuleContext } from '../template-parts.ts';

/** A joint approval: every task is a decision; all approve → next phase; any rejection → back to `backTo`. */
export const ApprovalPhase = PhaseBase.extend({
  kind: z.literal('approval'),
  /** The earlier phase a rejection sends the plan back to. */
  backTo: Key,
  /** How many times the plan may go back before the cycle ends as PLAN_REJECTED. */
  maxRevisions: z.int().min(0).max(20),
});
/** A joint approval phase. */
export type ApprovalPhase = z.infer<typeof ApprovalPhase>;

/** Approvers decide, they are the municipality or the CAG, and a rejection goes back to an earlier phase. */
export function validateApproval(
  phase: ApprovalPhase,
  index: number,
  phaseIndex: ReadonlyMap<string, number>,
  ctx: RuleContext,
): void {
  phase.tasks.forEach((task, taskIndex) => {
    const path = ['phases', index, 'tasks', taskIndex];
    if (!decisionOutputs.has(task.output)) {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'output'],
        message: `a task of an approval phase must produce a decision (${[...decisionOutputs].join(', ')})`,
      });
    }
    if (task.assignee === 'coordinator') {
      ctx.addIssue({
        code: 'custom',
        path: [...path, 'assignee'],
        message: 'approvers are municipality or cag',
      });
    }
  });
  validateRevisionTarget(phase, index, phaseIndex, ctx);
}

/** A phase that sends work back names an earlier phase to send it to. */
export function validateRevisionTarget(
  phase: { backTo: string },
  index: number,
  phaseIndex: ReadonlyMap<string, number>,
  ctx: RuleContext,
): void {
  const target = phaseIndex.get(phase.backTo);
  if (target === undefined || target >= index) {
    ctx.addIssue({
      code: 'custom',
      path: ['phases', index, 'backTo'],
      message: `revision target "${phase.backTo}" must name an earlier phase`,
    });
  }
}
