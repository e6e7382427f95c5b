import { useTranslation } from 'react-i18next';
import type { PortfolioItem } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { findPhase, humanize, useTemplate } from '../../templates/api/template.ts';

type WithCycle = PortfolioItem & { cycle: NonNullable<PortfolioItem['cycle']> };

/** Where an instant falls on the shared axis, in percent (kept inside the track). */
const place = (time: number, min: number, span: number) =>
  Math.min(100, Math.max(0, ((time - min) / span) * 100));

function Track({ item, min, span, now }: { item: WithCycle; min: number; span: number; now: number }) {
  const { t } = useTranslation();
  const template = useTemplate(item.cycle.templateId);
  const phases = item.cycle.phases.map((run) => ({
    key: `${run.phase}-${run.revision}-${run.startedAt}`,
    title: findPhase(template.data, run.phase)?.title ?? humanize(run.phase),
    start: Date.parse(run.startedAt),
    end: run.endedAt ? Date.parse(run.endedAt) : now,
    planned: run.plannedDueAt ? Date.parse(run.plannedDueAt) : undefined,
    late: Boolean(run.late),
    running: !run.endedAt,
  }));
  // The picture says in words what it shows: each phase, and which ran late.
  const label = `${item.municipality.name}: ${phases
    .map((phase) => (phase.late ? `${phase.title} (${t('cycle.late')})` : phase.title))
    .join(', ')}`;
  return (
    <li className="gantt__row">
      <span className="gantt__name">{item.municipality.name}</span>
      <div className="gantt__track" role="img" aria-label={label}>
        {phases.map((phase) => {
          const left = place(phase.start, min, span);
          return (
            <span key={phase.key}>
              {/* The plan is drawn where it still matters: a phase running, or one that ended late. */}
              {phase.planned !== undefined && (phase.running || phase.late) ? (
                <span
                  className="gantt__planned"
                  style={{
                    left: `${left}%`,
                    width: `${Math.max(0.5, place(phase.planned, min, span) - left)}%`,
                  }}
                />
              ) : null}
              <span
                className={phase.late ? 'gantt__bar gantt__bar--late' : 'gantt__bar'}
                style={{ left: `${left}%`, width: `${Math.max(0.8, place(phase.end, min, span) - left)}%` }}
              />
            </span>
          );
        })}
        <span className="gantt__today" style={{ left: `${place(now, min, span)}%` }} />
      </div>
    </li>
  );
}

/**
 * The cycles of a page of the portfolio on one time axis: for each municipality its phases as they ran (red when
 * late) over their plan (dashed), and a line for today. For those who would rather look than read; the table
 * above says the same in words. Plain HTML bars, so they stay legible at a phone's width.
 */
export function PortfolioTimeline({ items }: { items: WithCycle[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = Date.now();
  const times = items.flatMap((item) =>
    item.cycle.phases.flatMap((run) => [
      Date.parse(run.startedAt),
      run.endedAt ? Date.parse(run.endedAt) : now,
      ...(run.plannedDueAt ? [Date.parse(run.plannedDueAt)] : []),
    ]),
  );
  if (!times.length) return null;
  const min = Math.min(...times, now);
  const max = Math.max(...times, now, min + 7 * 86_400_000);
  const span = max - min;
  return (
    <section aria-labelledby="timelines">
      <h2 id="timelines">{t('portfolio.timelines')}</h2>
      <ul className="timeline-legend">
        <li>
          <span aria-hidden="true" className="swatch-planned" />
          {t('cycle.legendPlanned')}
        </li>
        <li>
          <span aria-hidden="true" className="swatch-actual" />
          {t('cycle.legendActual')}
        </li>
        <li>
          <span aria-hidden="true" className="swatch-late" />
          {t('cycle.legendLate')}
        </li>
      </ul>
      <ol className="gantt">
        {items.map((item) => (
          <Track key={item.cycle.cycleId} item={item} min={min} span={span} now={now} />
        ))}
      </ol>
      <p className="gantt__axis">
        <span>{format.date(new Date(min).toISOString())}</span>
        <span>{format.date(new Date(max).toISOString())}</span>
      </p>
    </section>
  );
}
