import * as z from 'zod';
import {
  about,
  amount,
  currency,
  ItemId,
  kind,
  needed,
  quantity,
  type RuleViolation,
  reference,
  shortText,
  uniqueIds,
} from './kind.ts';

/** Funding programmes a municipality applies to. */
export const FundingProgramme = z.enum([
  'ESF+',
  'ERDF',
  'national',
  'small-grant',
  'EEA-Norway-grants',
  'other',
]);

/**
 * Project fiches: a project concept per action of the plan, for a named call (two-stage calls take a concept
 * first, then a full application), with its budget, the municipality's co-financing and the partners.
 */
export const ProjectFiches = about(
  'project-fiches',
  z.strictObject({
    fiches: about(
      'project-fiches.fiches',
      z
        .array(
          about(
            'project-fiches.fiche',
            z.strictObject({
              id: about('project-fiches.fiche.id', ItemId),
              action: about('project-fiches.fiche.action', ItemId),
              title: about('project-fiches.fiche.title', shortText),
              programme: about('project-fiches.fiche.programme', FundingProgramme),
              callId: about('project-fiches.fiche.callId', reference),
              stage: about('project-fiches.fiche.stage', z.enum(['concept', 'full-application'])),
              budget: about('project-fiches.fiche.budget', amount),
              coFinancing: about('project-fiches.fiche.coFinancing', quantity),
              currency: about('project-fiches.fiche.currency', currency),
              partners: about(
                'project-fiches.fiche.partners',
                z.array(about('project-fiches.fiche.partner', shortText)).max(20),
              ),
            }),
          ),
        )
        .min(1)
        .max(100),
    ),
  }),
);
/** ProjectFiches as validated. */
export type ProjectFiches = z.infer<typeof ProjectFiches>;

/** Each fiche is for an action of this cycle's plan; the co-financing is a part of the budget. */
export const projectFiches = kind({
  schema: ProjectFiches,
  summarize: () => ({}),
  needs: ['results'],
  rules: (output, context) => {
    const actions = new Set(needed(context.results, 'results').actions.map((action) => action.id));
    const violations: RuleViolation[] = uniqueIds(output.fiches, (index) => `fiches.${index}.id`);
    output.fiches.forEach((fiche, index) => {
      if (!actions.has(fiche.action))
        violations.push({
          path: `fiches.${index}.action`,
          message: `"${fiche.action}" is not an action of this cycle's plan`,
        });
      if (fiche.coFinancing >= fiche.budget)
        violations.push({
          path: `fiches.${index}.coFinancing`,
          message: `must be less than the budget (${fiche.budget})`,
        });
    });
    return violations;
  },
});
