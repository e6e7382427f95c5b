import * as z from 'zod';
import { CalendarDate } from '../dates.ts';
import { about, kind, longText, reference, withinCycle } from './kind.ts';

/**
 * The local council's decision on the joint action plan: adopted (and folded into the municipal strategy and
 * budget), or rejected with a reason, which sends the plan back like a joint rejection does.
 */
export const CouncilDecision = about(
  'council-decision',
  z.strictObject({
    decision: about('council-decision.decision', z.enum(['adopted', 'rejected'])),
    decisionReference: about('council-decision.decisionReference', reference),
    decidedOn: about('council-decision.decidedOn', CalendarDate),
    reason: about('council-decision.reason', longText).optional(),
    strategyReference: about('council-decision.strategyReference', reference).optional(),
    budgetLine: about('council-decision.budgetLine', reference).optional(),
  }),
);

/** A council decision: within the cycle; a rejection says why; an adoption names where the plan now lives. */
export const councilDecision = kind({
  schema: CouncilDecision,
  summarize: (output) => ({ decision: output.decision === 'adopted' ? 'approve' : 'reject' }),
  rules: (output, context) => [
    ...withinCycle(output.decidedOn, 'decidedOn', context),
    ...(output.decision === 'rejected' && !output.reason
      ? [{ path: 'reason', message: 'a rejection must give a reason' }]
      : []),
    ...(output.decision === 'adopted' && !output.strategyReference && !output.budgetLine
      ? [
          {
            path: 'strategyReference',
            message: 'say where the plan is adopted: the strategy or the budget line',
          },
        ]
      : []),
  ],
});
