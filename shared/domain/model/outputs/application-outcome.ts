import * as z from 'zod';
import { CalendarDate } from '../dates.ts';
import { about, ItemId, kind, needed, quantity, type RuleViolation, reference, withinCycle } from './kind.ts';

/**
 * Where each fiche's application stands: submitted, then awarded (with the amount), rejected, withdrawn, or to
 * be resubmitted to a later call. While any is still submitted, the phase reports again.
 */
export const ApplicationOutcomes = about(
  'application-outcomes',
  z.strictObject({
    applications: about(
      'application-outcomes.applications',
      z
        .array(
          about(
            'application-outcomes.application',
            z.strictObject({
              fiche: about('application-outcomes.application.fiche', ItemId),
              reference: about('application-outcomes.application.reference', reference),
              submittedOn: about('application-outcomes.application.submittedOn', CalendarDate),
              status: about(
                'application-outcomes.application.status',
                z.enum(['submitted', 'awarded', 'rejected', 'withdrawn', 'resubmit']),
              ),
              decidedOn: about('application-outcomes.application.decidedOn', CalendarDate).optional(),
              amountAwarded: about('application-outcomes.application.amountAwarded', quantity).optional(),
            }),
          ),
        )
        .min(1)
        .max(100),
    ),
  }),
);
/** ApplicationOutcomes as validated. */
export type ApplicationOutcomes = z.infer<typeof ApplicationOutcomes>;

/** Still waiting for any decision: another report follows. */
function waiting(output: z.infer<typeof ApplicationOutcomes>): boolean {
  return output.applications.some((application) => application.status === 'submitted');
}

/**
 * Applications name fiches of this cycle; an award has a positive amount and a decision date; a decision is not
 * before the submission.
 */
export const applicationOutcomes = kind({
  schema: ApplicationOutcomes,
  summarize: (output) => ({ next: waiting(output) ? 'another-round' : 'phase-done' }),
  needs: ['results'],
  rules: (output, context) => {
    const fiches = new Set(needed(context.results, 'results').fiches.map((fiche) => fiche.id));
    const violations: RuleViolation[] = [];
    output.applications.forEach((application, index) => {
      const path = `applications.${index}`;
      if (!fiches.has(application.fiche))
        violations.push({
          path: `${path}.fiche`,
          message: `"${application.fiche}" is not a fiche of this cycle`,
        });
      if (output.applications.findIndex((other) => other.fiche === application.fiche) !== index)
        violations.push({ path: `${path}.fiche`, message: 'listed twice' });
      violations.push(...withinCycle(application.submittedOn, `${path}.submittedOn`, context));
      if (application.status !== 'submitted') {
        if (!application.decidedOn)
          violations.push({ path: `${path}.decidedOn`, message: 'give the date of the decision' });
        else {
          violations.push(...withinCycle(application.decidedOn, `${path}.decidedOn`, context));
          if (application.decidedOn < application.submittedOn)
            violations.push({ path: `${path}.decidedOn`, message: 'cannot be before the submission' });
        }
      }
      if (application.status === 'awarded' && !application.amountAwarded)
        violations.push({ path: `${path}.amountAwarded`, message: 'an award needs the amount awarded' });
      if (application.status !== 'awarded' && application.amountAwarded)
        violations.push({ path: `${path}.amountAwarded`, message: 'only an award has an amount awarded' });
    });
    return violations;
  },
});
