import * as z from 'zod';
import { CalendarDate } from '../dates.ts';
import {
  about,
  amount,
  currency,
  ItemId,
  kind,
  needed,
  planned,
  quantity,
  type RuleViolation,
  shortText,
  uniqueIds,
} from './kind.ts';

/**
 * The joint action plan: actions, each serving an agreed priority, with a timetable, who is responsible, a
 * budget and the indicators its result is measured by (baseline and target; the actual values come in the
 * indicator reports).
 */
export const JointPlan = about(
  'joint-plan',
  z.strictObject({
    actions: about(
      'joint-plan.actions',
      z
        .array(
          about(
            'joint-plan.action',
            z.strictObject({
              id: about('joint-plan.action.id', ItemId),
              priority: about('joint-plan.action.priority', ItemId),
              title: about('joint-plan.action.title', shortText),
              starts: about('joint-plan.action.starts', CalendarDate),
              ends: about('joint-plan.action.ends', CalendarDate),
              responsible: about(
                'joint-plan.action.responsible',
                z.enum(['municipality', 'cag', 'jointly', 'partner']),
              ),
              budget: about('joint-plan.action.budget', amount),
              currency: about('joint-plan.action.currency', currency),
              indicators: about(
                'joint-plan.action.indicators',
                z
                  .array(
                    about(
                      'joint-plan.indicator',
                      z.strictObject({
                        id: about('joint-plan.indicator.id', ItemId),
                        name: about('joint-plan.indicator.name', shortText),
                        unit: about('joint-plan.indicator.unit', z.string().trim().min(1).max(50)),
                        baseline: about('joint-plan.indicator.baseline', quantity),
                        target: about('joint-plan.indicator.target', quantity),
                      }),
                    ),
                  )
                  .min(1)
                  .max(20),
              ),
            }),
          ),
        )
        .min(1)
        .max(100),
    ),
  }),
);
/** The joint action plan. */
export type JointPlan = z.infer<typeof JointPlan>;

/**
 * Each action serves an agreed priority of this cycle, ends after it starts, within the planning horizon; ids
 * of actions and indicators are unique across the plan (an indicator report names them).
 */
export const jointPlan = kind({
  schema: JointPlan,
  summarize: () => ({}),
  needs: ['results'],
  rules: (output, context) => {
    const agreed = new Set(needed(context.results, 'results').priorities.map((priority) => priority.id));
    const violations: RuleViolation[] = uniqueIds(output.actions, (index) => `actions.${index}.id`);
    const indicators = output.actions.flatMap((action, index) =>
      action.indicators.map((indicator, at) => ({
        id: indicator.id,
        path: `actions.${index}.indicators.${at}.id`,
      })),
    );
    violations.push(...uniqueIds(indicators, (index) => indicators[index]?.path ?? 'actions'));
    output.actions.forEach((action, index) => {
      const path = `actions.${index}`;
      if (!agreed.has(action.priority))
        violations.push({
          path: `${path}.priority`,
          message: `"${action.priority}" is not an agreed priority of this cycle`,
        });
      violations.push(...planned(action.starts, `${path}.starts`, context));
      violations.push(...planned(action.ends, `${path}.ends`, context));
      if (action.ends < action.starts)
        violations.push({ path: `${path}.ends`, message: 'cannot be before the action starts' });
    });
    return violations;
  },
});
