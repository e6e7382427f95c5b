import type { CycleResults } from '#shared/domain/usecases/cycles/get-results.ts';
import { table } from './format.ts';

/**
 * A cycle's results chain for people: one row per indicator of each action, under its priority, with where
 * its funding and its work stand; then the meeting decisions, and what the cycle carried over.
 */
export function resultsTable(results: CycleResults): string {
  const { chain } = results;
  const rows = chain.priorities.flatMap((priority) => {
    const actions = chain.actions.filter((action) => action.priority === priority.id);
    if (!actions.length) return [[`${priority.rank}. ${priority.id}`, priority.area, priority.score, '—']];
    return actions.flatMap((action) => {
      const funding = action.fiches
        .map(
          (fiche) =>
            `${fiche.id} ${fiche.application?.status ?? 'fiche'}${fiche.application?.amountAwarded ? ` ${fiche.application.amountAwarded}` : ''}`,
        )
        .join(', ');
      const progress = action.progress
        ? `${action.progress.status} ${action.progress.percentDone}%`
        : undefined;
      return action.indicators.map((indicator) => [
        `${priority.rank}. ${priority.id}`,
        priority.area,
        priority.score,
        action.id,
        indicator.name,
        `${indicator.baseline} → ${indicator.target}`,
        indicator.latest,
        funding || undefined,
        progress,
      ]);
    });
  });
  const parts = [
    table(
      [
        'priority',
        'area',
        'score',
        'action',
        'indicator',
        'baseline → target',
        'latest',
        'funding',
        'progress',
      ],
      rows,
    ),
    `Budget planned ${chain.totals.planned}, awarded ${chain.totals.awarded}, spent ${chain.totals.spent}; ${chain.meetings} meetings.`,
  ];
  if (chain.decisions.length)
    parts.push(
      table(
        ['decision', 'owner', 'due', 'status', 'for'],
        chain.decisions.map((decision) => [
          decision.decision,
          decision.owner,
          decision.dueAt.slice(0, 10),
          decision.status,
          decision.linksTo,
        ]),
      ),
    );
  if (results.carriedOver)
    parts.push(
      `Carried over from ${results.carriedOver.fromCycleId}: ${results.carriedOver.openActions.length} open actions, ${results.carriedOver.indicators.length} indicators.`,
    );
  return parts.join('\n\n');
}
