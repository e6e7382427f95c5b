import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Loading, PageHeading, Tag, usePageTitle } from '../../../components/ui/page.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import type { AuditEvent, CycleStatus } from '../../../lib/api-types.ts';
import { useAuth } from '../../../lib/auth.tsx';
import { useFormat } from '../../../lib/format.ts';
import { localized } from '../../../lib/i18n.ts';
import { findTemplateTask, humanize, useTemplate } from '../../templates/api/template.ts';
import { useCycle } from '../api/cycles.ts';
import { useMunicipalityName } from '../api/municipality.ts';
import { CancelCycle } from './cancel-cycle.tsx';
import { PhaseTable, PhaseTimeline, phaseRows } from './phase-timeline.tsx';

// Mermaid is heavy: its chunk loads only when a cycle page shows the diagram.
const TemplateDiagram = lazy(() => import('./template-diagram.tsx'));

export function statusTag(status: CycleStatus, t: (key: string) => string) {
  const kind =
    status === 'RUNNING'
      ? 'blue'
      : status === 'COMPLETED'
        ? 'green'
        : status === 'STALLED'
          ? 'yellow'
          : 'red';
  return <Tag kind={kind}>{t(`cycleStatus.${status}`)}</Tag>;
}

/** "Maria Petrova (municipal staff) for Asen Mihaylov", "ROMACT, automatically", or the role of older entries. */
function actorLabel(
  actor: AuditEvent['actor'],
  t: (key: string, options?: Record<string, unknown>) => string,
) {
  const role = (name: string) =>
    ['coordinator', 'municipality', 'cag'].includes(name) ? t(`roles.${name}`) : name;
  if (typeof actor === 'string') return actor === 'workflow' ? t('audit.byWorkflow') : role(actor);
  if (actor.kind === 'workflow') return t('audit.byWorkflow');
  if (actor.kind === 'script') return role(actor.role);
  const person = `${actor.name} (${role(actor.role)})`;
  return actor.onBehalfOf?.length
    ? t('audit.onBehalfOf', { person, names: actor.onBehalfOf.map((one) => one.name).join(', ') })
    : person;
}

function AuditEntry({ event }: { event: AuditEvent }) {
  const { t } = useTranslation();
  const format = useFormat();
  const who = actorLabel(event.actor, t);
  const reason = typeof event.data.reason === 'string' ? event.data.reason : undefined;
  return (
    <li>
      <time dateTime={event.at}>{format.dateTime(event.at)}</time>
      {t(`audit.${event.type.replace(/\./g, '_')}`, {
        defaultValue: humanize(event.type.replace(/\./g, ' ')),
      })}
      {' – '}
      {who}
      {reason ? <span>{` (“${reason}”)`}</span> : null}
    </li>
  );
}

export function CyclePage({ cycleId }: { cycleId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { activeMembership } = useAuth();
  const cycle = useCycle(cycleId);
  const template = useTemplate(cycle.data?.templateId);
  const municipality = useMunicipalityName(cycle.data?.municipalityId, cycle.data?.municipalityName);
  const heading = t('cycle.title', { municipality });
  usePageTitle(heading);
  if (cycle.isPending) return <Loading />;
  if (cycle.error) return <QueryError error={cycle.error} onRetry={() => void cycle.refetch()} />;
  const data = cycle.data;
  const rows = phaseRows(data.phases, data.tasks, template.data);
  const done = data.tasks.filter((task) => task.status === 'COMPLETED');
  const open = data.tasks.filter((task) => task.status === 'OPEN');
  const titleOf = (task: (typeof data.tasks)[number]) =>
    task.kind === 'stall-resolution'
      ? t('tasks.stallTitle')
      : findTemplateTask(template.data, task.phase, task.taskKey)?.title ||
        localized(task.title, i18n.language);
  const live = data.status === 'RUNNING' || data.status === 'STALLED';
  return (
    <>
      <PageHeading caption={template.data?.title}>{heading}</PageHeading>
      <p>
        {statusTag(data.status, t)} {t('cycle.startedOn', { date: format.date(data.startedAt) })}
        {data.endedAt ? ` · ${t('cycle.endedOn', { date: format.date(data.endedAt) })}` : ''}
      </p>
      {data.previousCycleId ? (
        <p>
          <Link to={`/cycle/${encodeURIComponent(data.previousCycleId)}`}>{t('cycle.previous')}</Link>
        </p>
      ) : null}
      {data.nextCycleId ? (
        <p>
          <Link to={`/cycle/${encodeURIComponent(data.nextCycleId)}`}>{t('cycle.next')}</Link>
        </p>
      ) : null}

      <h2>{t('cycle.timeline')}</h2>
      <PhaseTimeline rows={rows} label={t('cycle.timelineLabel')} />
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
      <PhaseTable rows={rows} caption={t('cycle.phasesCaption')} />

      {template.data ? (
        <section aria-labelledby="diagram">
          <h2 id="diagram">{t('diagram.title')}</h2>
          <p>{t('diagram.intro')}</p>
          <Suspense fallback={<Loading label={t('diagram.loading')} />}>
            <TemplateDiagram template={template.data} currentPhase={live ? data.currentPhase : undefined} />
          </Suspense>
        </section>
      ) : null}

      {open.length ? (
        <>
          <h2>{t('cycle.openTasks')}</h2>
          <ul>
            {open.map((task) => (
              <li key={task.taskId}>
                <Link to={`/task/${encodeURIComponent(task.taskId)}`}>{titleOf(task)}</Link> –{' '}
                {t(`roles.${task.assignee}`)}, {t('tasks.due', { date: format.date(task.dueAt) })}
                {task.overdue ? (
                  <>
                    {' '}
                    <Tag kind="red">{t('tasks.overdue')}</Tag>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t('cycle.submitted')}</h2>
      {done.length ? (
        <ul>
          {done.map((task) => (
            <li key={task.taskId}>
              <Link to={`/task/${encodeURIComponent(task.taskId)}`}>{titleOf(task)}</Link> –{' '}
              {t('cycle.submittedBy', {
                who: t(`roles.${task.completedBy ?? task.assignee}`),
                date: format.date(task.completedAt),
              })}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('cycle.nothingSubmitted')}</p>
      )}

      <h2>{t('cycle.history')}</h2>
      <ol className="audit">
        {[...data.audit].reverse().map((event) => (
          <AuditEntry key={event.eventId} event={event} />
        ))}
      </ol>

      {activeMembership?.role === 'coordinator' && live ? (
        <details className="term">
          <summary>{t('cancel.title')}</summary>
          <div className="term__text">
            <CancelCycle cycleId={data.cycleId} />
          </div>
        </details>
      ) : null}
    </>
  );
}
