import { describe, expect, it } from 'vitest';
import { ApprovalPhase, validateApproval } from '#shared/domain/model/phase-kinds/approval.ts';

const decision = (key: string, assignee: string, output = 'approval-decision') => ({
  key,
  title: { en: key },
  assignee,
  due: { after: 'P30D' },
  output,
});
const phase = (fields: Record<string, unknown> = {}) =>
  ApprovalPhase.parse({
    key: 'plan-approval',
    kind: 'approval',
    title: { en: 'Approve' },
    backTo: 'consultation',
    maxRevisions: 2,
    tasks: [decision('council', 'municipality'), decision('cag', 'cag')],
    ...fields,
  });

function issues(approval: ReturnType<typeof phase>, index = 2) {
  const found: { path: string; message: string }[] = [];
  const order = new Map([
    ['assessment', 0],
    ['consultation', 1],
    ['plan-approval', 2],
    ['funding', 3],
  ]);
  validateApproval(approval, index, order, {
    addIssue: ({ path, message }) => found.push({ path: path.join('.'), message }),
  });
  return found;
}

describe('an approval phase', () => {
  it('is valid when the municipality and the CAG decide and a rejection goes back to an earlier phase', () => {
    expect(issues(phase())).toEqual([]);
  });

  it('has only decision tasks, by the municipality or the CAG', () => {
    expect(
      issues(
        phase({ tasks: [decision('council', 'coordinator'), decision('cag', 'cag', 'needs-assessment')] }),
      ).map((issue) => issue.path),
    ).toEqual(['phases.2.tasks.0.assignee', 'phases.2.tasks.1.output']);
  });

  it('sends a rejection back to an earlier phase only: not itself, a later one or an unknown one', () => {
    for (const backTo of ['plan-approval', 'funding', 'nowhere'])
      expect(issues(phase({ backTo })), backTo).toEqual([
        { path: 'phases.2.backTo', message: `revision target "${backTo}" must name an earlier phase` },
      ]);
  });

  it('bounds how often the plan may go back', () => {
    expect(ApprovalPhase.safeParse({ ...phase(), maxRevisions: 21 }).success).toBe(false);
    expect(ApprovalPhase.safeParse({ ...phase(), maxRevisions: -1 }).success).toBe(false);
  });
});
