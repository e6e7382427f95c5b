import { useTranslation } from 'react-i18next';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import type { CycleDetail, PhaseRun, Task, Template } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { findPhase, humanize } from '../../templates/api/template.ts';

/** One phase run with its planned end (the latest due date of its tasks) and whether it ran late. */
export interface PhaseRow {
  key: string;
  title: string;
  revision: number;
  startedAt: string;
  endedAt?: string;
  plannedEnd?: string;
  late: boolean;
}

export function phaseRows(
  phases: PhaseRun[],
  tasks: Task[],
  template: Template | undefined,
  now = Date.now(),
): PhaseRow[] {
  return phases.map((run) => {
    const due = tasks
      .filter((task) => task.phase === run.phase && task.revision === run.revision && task.kind === 'task')
      .map((task) => task.dueAt)
      .sort();
    const plannedEnd = run.plannedDueAt ?? due[due.length - 1];
    const end = run.endedAt ? Date.parse(run.endedAt) : now;
    return {
      key: run.phase,
      title: findPhase(template, run.phase)?.title ?? humanize(run.phase),
      revision: run.revision,
      startedAt: run.startedAt,
      ...(run.endedAt ? { endedAt: run.endedAt } : {}),
      ...(plannedEnd ? { plannedEnd } : {}),
      late: run.late ?? (plannedEnd !== undefined && end > Date.parse(plannedEnd)),
    };
  });
}

const ROW = 50;
const LABEL = 0;

/**
 * The phases as bars on a time axis: dashed for the plan (start to planned end), solid for what happened,
 * red when late. A picture for those who would rather look than read; the table beside it says the same.
 */
export function PhaseTimeline({ rows, label }: { rows: PhaseRow[]; label: string }) {
  const format = useFormat();
  if (!rows.length) return null;
  const now = Date.now();
  const times = rows.flatMap((row) => [
    Date.parse(row.startedAt),
    row.endedAt ? Date.parse(row.endedAt) : now,
    ...(row.plannedEnd ? [Date.parse(row.plannedEnd)] : []),
  ]);
  const min = Math.min(...times);
  const max = Math.max(...times, min + 86_400_000);
  const width = 400;
  const x = (time: number) => LABEL + ((time - min) / (max - min)) * (width - LABEL - 4);
  const height = rows.length * ROW + 24;
  return (
    <svg className="timeline" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      {rows.map((row, index) => {
        const y = index * ROW + 4;
        const start = x(Date.parse(row.startedAt));
        const end = x(row.endedAt ? Date.parse(row.endedAt) : now);
        const planned = row.plannedEnd ? x(Date.parse(row.plannedEnd)) : undefined;
        // The label sits above its bars, so it never hides them.
        return (
          <g key={`${row.key}-${row.revision}-${row.startedAt}`}>
            <text x={Math.min(start, width - 180)} y={y + 14} className="bar-label">
              {row.title}
              {row.revision ? ` (${row.revision + 1})` : ''}
            </text>
            {planned !== undefined ? (
              <rect
                x={start}
                y={y + 20}
                width={Math.max(2, planned - start)}
                height={ROW - 26}
                className="bar-planned"
              />
            ) : null}
            <rect
              x={start}
              y={y + 26}
              width={Math.max(3, end - start)}
              height={ROW - 38}
              className={row.late ? 'bar-late' : 'bar-actual'}
            />
          </g>
        );
      })}
      <line x1={x(now)} x2={x(now)} y1={0} y2={height - 18} className="today-line" />
      <text x={Math.min(x(now) + 3, width - 60)} y={height - 4} className="axis-label">
        {format.shortDate(new Date(now).toISOString())}
      </text>
    </svg>
  );
}

/** The same facts as a table: planned and actual dates, and what is late. */
export function PhaseTable({ rows, caption }: { rows: PhaseRow[]; caption: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <TableWrap label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cycle.phase')}</th>
            <th scope="col">{t('cycle.started')}</th>
            <th scope="col">{t('cycle.plannedEnd')}</th>
            <th scope="col">{t('cycle.actualEnd')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={`${row.key}-${row.revision}-${row.startedAt}`}>
              <th scope="row">
                {row.title}
                {row.revision ? ` (${t('cycle.revision', { number: row.revision + 1 })})` : ''}
              </th>
              <td>{format.date(row.startedAt)}</td>
              <td>{row.plannedEnd ? format.date(row.plannedEnd) : '–'}</td>
              <td>
                {row.endedAt ? format.date(row.endedAt) : t('cycle.inProgress')}
                {row.late ? (
                  <>
                    {' '}
                    <strong className="tag tag--red">{t('cycle.late')}</strong>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

export type { CycleDetail };
