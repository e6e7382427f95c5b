import * as z from 'zod';
import { about, ItemId, kind, longText, PriorityArea, type RuleViolation, uniqueIds } from './kind.ts';

const grade = z.int().min(1).max(5);
/** One side's score of a need: urgency and relevance, 1 (low) to 5 (high). */
function score(side: 'municipalityScore' | 'cagScore') {
  return about(
    `prioritisation.need.${side}`,
    z.strictObject({
      urgency: about(`prioritisation.need.${side}.urgency`, grade),
      relevance: about(`prioritisation.need.${side}.relevance`, grade),
    }),
  );
}

/**
 * The needs as each side scored them (urgency × relevance, 1–5 each), and the priorities both sides agreed,
 * most important first: the scores stay with the list, so a later reader sees why.
 */
export const Prioritisation = about(
  'prioritisation',
  z.strictObject({
    needs: about(
      'prioritisation.needs',
      z
        .array(
          about(
            'prioritisation.need',
            z.strictObject({
              id: about('prioritisation.need.id', ItemId),
              area: about('prioritisation.need.area', PriorityArea),
              description: about('prioritisation.need.description', longText),
              municipalityScore: score('municipalityScore'),
              cagScore: score('cagScore'),
            }),
          ),
        )
        .min(1)
        .max(100),
    ),
    priorities: about(
      'prioritisation.priorities',
      z.array(about('prioritisation.priority', ItemId)).min(1).max(50),
    ),
  }),
);
/** The scored needs and agreed priorities. */
export type Prioritisation = z.infer<typeof Prioritisation>;

/** A need's score: urgency × relevance, the two sides' scores added. */
export function scoreOf(need: Prioritisation['needs'][number]): number {
  return (
    need.municipalityScore.urgency * need.municipalityScore.relevance +
    need.cagScore.urgency * need.cagScore.relevance
  );
}

/** Needs named once each; priorities name scored needs, once each, at least the template's minimum. */
export const prioritisation = kind({
  schema: Prioritisation,
  summarize: () => ({}),
  rules: (output, context) => {
    const ids = new Set(output.needs.map((need) => need.id));
    const violations: RuleViolation[] = uniqueIds(output.needs, (index) => `needs.${index}.id`);
    const minimum = context.parameters.minPriorities ?? 1;
    if (output.priorities.length < minimum)
      violations.push({
        path: 'priorities',
        message: `agree at least ${minimum} priorities (agreed ${output.priorities.length})`,
      });
    output.priorities.forEach((priority, index) => {
      if (!ids.has(priority))
        violations.push({ path: `priorities.${index}`, message: `"${priority}" names no scored need` });
      else if (output.priorities.indexOf(priority) !== index)
        violations.push({ path: `priorities.${index}`, message: `"${priority}" is listed twice` });
    });
    return violations;
  },
});
