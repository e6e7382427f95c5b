import * as z from 'zod';
import { CalendarDate } from '../dates.ts';
import { about, ItemId, kind, longText, needed, quantity, type RuleViolation, withinCycle } from './kind.ts';

/** How far each action of the plan has come: its status, the share done, what it has spent. */
export const ImplementationProgress = about(
  'implementation-progress',
  z.strictObject({
    reportedOn: about('implementation-progress.reportedOn', CalendarDate),
    actions: about(
      'implementation-progress.actions',
      z
        .array(
          about(
            'implementation-progress.action',
            z.strictObject({
              action: about('implementation-progress.action.action', ItemId),
              status: about(
                'implementation-progress.action.status',
                z.enum(['not-started', 'in-progress', 'completed', 'delayed', 'dropped']),
              ),
              percentDone: about('implementation-progress.action.percentDone', z.int().min(0).max(100)),
              spent: about('implementation-progress.action.spent', quantity),
              note: about('implementation-progress.action.note', longText).optional(),
            }),
          ),
        )
        .min(1)
        .max(100),
    ),
  }),
);
/** ImplementationProgress as validated. */
export type ImplementationProgress = z.infer<typeof ImplementationProgress>;

/** Progress of actions of this cycle's plan, each once; a completed action is 100% done; a delay says why. */
export const implementationProgress = kind({
  schema: ImplementationProgress,
  summarize: () => ({}),
  needs: ['results'],
  rules: (output, context) => {
    const actions = new Set(needed(context.results, 'results').actions.map((action) => action.id));
    const violations: RuleViolation[] = [...withinCycle(output.reportedOn, 'reportedOn', context)];
    output.actions.forEach((progress, index) => {
      const path = `actions.${index}`;
      if (!actions.has(progress.action))
        violations.push({
          path: `${path}.action`,
          message: `"${progress.action}" is not an action of the plan`,
        });
      if (output.actions.findIndex((other) => other.action === progress.action) !== index)
        violations.push({ path: `${path}.action`, message: 'listed twice' });
      if (progress.status === 'completed' && progress.percentDone !== 100)
        violations.push({ path: `${path}.percentDone`, message: 'a completed action is 100% done' });
      if ((progress.status === 'delayed' || progress.status === 'dropped') && !progress.note)
        violations.push({ path: `${path}.note`, message: `say why the action is ${progress.status}` });
    });
    return violations;
  },
});
