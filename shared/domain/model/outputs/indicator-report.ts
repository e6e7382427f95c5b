import * as z from 'zod';
import { CalendarDate } from '../dates.ts';
import { about, ItemId, kind, longText, needed, quantity, type RuleViolation, withinCycle } from './kind.ts';

/**
 * The actual value of each indicator of the plan for one reporting period (the IATI / Akvo results model:
 * baseline and target come from the plan, the actuals per period from here), and whether another period
 * follows.
 */
export const IndicatorReport = about(
  'indicator-report',
  z.strictObject({
    periodStart: about('indicator-report.periodStart', CalendarDate),
    periodEnd: about('indicator-report.periodEnd', CalendarDate),
    values: about(
      'indicator-report.values',
      z
        .array(
          about(
            'indicator-report.value',
            z.strictObject({
              indicator: about('indicator-report.value.indicator', ItemId),
              actual: about('indicator-report.value.actual', quantity),
              comment: about('indicator-report.value.comment', longText).optional(),
            }),
          ),
        )
        .min(1)
        .max(500),
    ),
    next: about('indicator-report.next', z.enum(['another-period', 'phase-done'])),
  }),
);
/** IndicatorReport as validated. */
export type IndicatorReport = z.infer<typeof IndicatorReport>;

/** Values for indicators of the plan, each once, over a period that ends after it starts and has passed. */
export const indicatorReport = kind({
  schema: IndicatorReport,
  summarize: (output) => ({ next: output.next === 'another-period' ? 'another-round' : 'phase-done' }),
  needs: ['results'],
  rules: (output, context) => {
    const indicators = new Set(
      needed(context.results, 'results').actions.flatMap((action) => action.indicators.map((one) => one.id)),
    );
    const violations: RuleViolation[] = [
      ...withinCycle(output.periodStart, 'periodStart', context),
      ...withinCycle(output.periodEnd, 'periodEnd', context),
    ];
    if (output.periodEnd < output.periodStart)
      violations.push({ path: 'periodEnd', message: 'cannot be before the period starts' });
    output.values.forEach((value, index) => {
      const path = `values.${index}.indicator`;
      if (!indicators.has(value.indicator))
        violations.push({ path, message: `"${value.indicator}" is not an indicator of the plan` });
      else if (output.values.findIndex((other) => other.indicator === value.indicator) !== index)
        violations.push({ path, message: 'listed twice' });
    });
    return violations;
  },
});
