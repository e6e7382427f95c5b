import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Loading, Notice, PageHeading, Tag, usePageTitle } from '../../../components/ui/page.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import type { PortfolioItem, Task } from '../../../lib/api-types.ts';
import { useAuth } from '../../../lib/auth.tsx';
import { useFormat } from '../../../lib/format.ts';
import { localized } from '../../../lib/i18n.ts';
import { CancelCycle } from '../../cycles/components/cancel-cycle.tsx';
import { statusTag } from '../../cycles/components/cycle-page.tsx';
import { ExtendDeadline } from '../../tasks/components/extend-deadline.tsx';
import { humanize, useTemplate } from '../../templates/api/template.ts';
import { type PortfolioFilters, useLateTasks, usePortfolio } from '../api/portfolio.ts';
import { MunicipalityChoices } from './municipality-choices.tsx';
import { PortfolioTimeline } from './portfolio-timeline.tsx';
import { ResumeCycle } from './resume-cycle.tsx';

const STATUSES = ['RUNNING', 'STALLED', 'COMPLETED', 'PLAN_REJECTED', 'CANCELLED', 'ABANDONED'] as const;
/** The orders `GET /portfolio` offers. */
const SORTS = ['attention', 'due', 'municipality'] as const;

function LateTask({ task, onExtended }: { task: Task; onExtended: (task: Task) => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const template = useTemplate(task.templateId);
  const phase = template.data?.phases.find((p) => p.key === task.phase);
  const title =
    phase?.tasks.find((item) => item.key === task.taskKey)?.title || localized(task.title, i18n.language);
  return (
    <li className="task-card task-card--overdue">
      <h3 className="task-card__title">
        <Link to={`/task/${encodeURIComponent(task.taskId)}`}>{title}</Link>
      </h3>
      <p>
        <Tag kind="red">{t('tasks.overdue')}</Tag>
        {task.municipalityName ?? task.municipalityId} · {t(`roles.${task.assignee}`)} ·{' '}
        {t('tasks.due', { date: format.date(task.dueAt) })}
      </p>
      <details className="term">
        <summary>{t('portfolio.extendThis')}</summary>
        <div className="term__text">
          <ExtendDeadline
            task={task}
            idPrefix={`extend-${task.taskId.replace(/[^\w-]/g, '-')}`}
            onDone={() => onExtended(task)}
          />
        </div>
      </details>
    </li>
  );
}

/** A portfolio item whose municipality has had a cycle. */
type WithCycle = PortfolioItem & { cycle: NonNullable<PortfolioItem['cycle']> };
const hasCycle = (item: PortfolioItem): item is WithCycle => item.cycle !== undefined;

/** A municipality that has never had a cycle: a row that says so, and how to start one. */
function RowWithoutCycle({ item }: { item: PortfolioItem }) {
  const { t } = useTranslation();
  return (
    <tr>
      <th scope="row">
        {item.municipality.name}
        <div className="caption">{item.municipality.country}</div>
      </th>
      <td colSpan={3}>{t('portfolio.noCycle')}</td>
      <td data-label={t('portfolio.actions')}>
        <Link to={`/start-cycle?municipalityId=${encodeURIComponent(item.municipality.municipalityId)}`}>
          {t('portfolio.startCycle')}
        </Link>
      </td>
    </tr>
  );
}

function Row({ item }: { item: WithCycle }) {
  const { t } = useTranslation();
  const format = useFormat();
  const template = useTemplate(item.cycle.templateId);
  const phases = template.data?.phases ?? [];
  const index = phases.findIndex((phase) => phase.key === item.cycle.currentPhase);
  const phaseTitle = phases[index]?.title ?? humanize(item.cycle.currentPhase);
  const live = item.cycle.status === 'RUNNING' || item.cycle.status === 'STALLED';
  const prefix = item.cycle.cycleId.replace(/[^\w-]/g, '-');
  return (
    <tr className={item.stalled || item.overdueTasks ? 'row--attention' : undefined}>
      <th scope="row">
        <Link to={`/cycle/${encodeURIComponent(item.cycle.cycleId)}`}>{item.municipality.name}</Link>
        <div className="caption">{item.municipality.country}</div>
      </th>
      <td data-label={t('portfolio.phase')}>
        {phaseTitle}
        {index >= 0 ? (
          <div className="caption">{t('portfolio.stepOf', { step: index + 1, total: phases.length })}</div>
        ) : null}
      </td>
      <td data-label={t('portfolio.status')}>
        {statusTag(item.cycle.status, t)}
        {item.stalled && item.cycle.status !== 'STALLED' ? (
          <Tag kind="yellow">{t('portfolio.stalled')}</Tag>
        ) : null}
        {item.overdueTasks ? (
          <Tag kind="red">{t('portfolio.lateCount', { count: item.overdueTasks })}</Tag>
        ) : null}
      </td>
      <td data-label={t('portfolio.nextDue')}>{item.nextDueAt ? format.date(item.nextDueAt) : '–'}</td>
      <td data-label={t('portfolio.actions')} className="actions-cell">
        {item.stallTaskId ? (
          <details className="term">
            <summary>{t('portfolio.resume')}</summary>
            <div className="term__text">
              <ResumeCycle stallTaskId={item.stallTaskId} idPrefix={`resume-${prefix}`} />
            </div>
          </details>
        ) : null}
        {live ? (
          <details className="term">
            <summary>{t('portfolio.cancel')}</summary>
            <div className="term__text">
              <CancelCycle cycleId={item.cycle.cycleId} idPrefix={`cancel-${prefix}`} />
            </div>
          </details>
        ) : null}
      </td>
    </tr>
  );
}

export function PortfolioPage() {
  const { t } = useTranslation();
  const { activeMembership } = useAuth();
  const [params, setParams] = useSearchParams();
  const filters: PortfolioFilters = {
    ...(params.get('country') ? { country: params.get('country') ?? '' } : {}),
    ...(params.get('municipalityId') ? { municipalityId: params.get('municipalityId') ?? '' } : {}),
    ...(params.get('phase') ? { phase: params.get('phase') ?? '' } : {}),
    ...(params.get('status') ? { status: params.get('status') ?? '' } : {}),
    ...(params.get('late') === 'true' ? { late: true } : {}),
    ...(params.get('sort') ? { sort: params.get('sort') ?? '' } : {}),
    ...(params.get('cursor') ? { cursor: params.get('cursor') ?? '' } : {}),
  };
  const portfolio = usePortfolio(filters);
  const [extended, setExtended] = useState<Task>();
  const late = useLateTasks({
    ...(filters.country ? { country: filters.country } : {}),
    ...(filters.municipalityId ? { municipalityId: filters.municipalityId } : {}),
    ...(filters.phase ? { phase: filters.phase } : {}),
  });
  const template = useTemplate('romact');
  usePageTitle(t('portfolio.title'));
  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    next.delete('cursor');
    setParams(next);
  };
  const countries = activeMembership?.countries ?? [];
  const items = portfolio.data?.items ?? [];
  return (
    <>
      <PageHeading>{t('portfolio.title')}</PageHeading>
      <p className="lead">{t('portfolio.intro')}</p>

      <MunicipalityChoices id="filter-municipality-choices" />
      <form
        className="filters"
        aria-label={t('portfolio.filters')}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field">
          <label className="field__label" htmlFor="f-country">
            {t('portfolio.country')}
          </label>
          <select
            id="f-country"
            className="select"
            value={filters.country ?? ''}
            onChange={(e) => set('country', e.target.value)}
          >
            <option value="">{t('portfolio.all')}</option>
            {countries.map((country) => (
              <option key={country} value={country}>
                {country}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="f-municipality">
            {t('portfolio.municipality')}
          </label>
          <input
            id="f-municipality"
            className="input"
            defaultValue={filters.municipalityId ?? ''}
            autoComplete="off"
            list="filter-municipality-choices"
            onBlur={(e) => set('municipalityId', e.target.value.trim())}
            onKeyDown={(e) => {
              if (e.key === 'Enter') set('municipalityId', e.currentTarget.value.trim());
            }}
          />
        </div>
        <div className="field">
          <label className="field__label" htmlFor="f-phase">
            {t('portfolio.phase')}
          </label>
          <select
            id="f-phase"
            className="select"
            value={filters.phase ?? ''}
            onChange={(e) => set('phase', e.target.value)}
          >
            <option value="">{t('portfolio.all')}</option>
            {(template.data?.phases ?? []).map((phase) => (
              <option key={phase.key} value={phase.key}>
                {phase.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="f-status">
            {t('portfolio.status')}
          </label>
          <select
            id="f-status"
            className="select"
            value={filters.status ?? ''}
            onChange={(e) => set('status', e.target.value)}
          >
            <option value="">{t('portfolio.all')}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`cycleStatus.${status}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor="f-sort">
            {t('portfolio.sort')}
          </label>
          <select
            id="f-sort"
            className="select"
            value={filters.sort ?? 'attention'}
            onChange={(e) => set('sort', e.target.value === 'attention' ? '' : e.target.value)}
          >
            {SORTS.map((sort) => (
              <option key={sort} value={sort}>
                {t(`portfolio.sortBy.${sort}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="checkbox">
          <input
            id="f-late"
            type="checkbox"
            checked={Boolean(filters.late)}
            onChange={(e) => set('late', e.target.checked ? 'true' : '')}
          />
          <label htmlFor="f-late">{t('portfolio.lateOnly')}</label>
        </div>
      </form>

      {/* A task given more time leaves the late list at once, so the confirmation lives here, not in it. */}
      <div role="status">
        {extended ? (
          <Notice kind="success" title={t('extend.done')}>
            <p>
              {extended.municipalityName ?? extended.municipalityId}: {t('extend.doneText')}
            </p>
          </Notice>
        ) : null}
      </div>
      {late.data?.items.length ? (
        <section aria-labelledby="late">
          <h2 id="late">{t('portfolio.lateTasks', { count: late.data.items.length })}</h2>
          <ul className="task-list">
            {late.data.items.map((task) => (
              <LateTask key={task.taskId} task={task} onExtended={setExtended} />
            ))}
          </ul>
        </section>
      ) : null}

      <h2>{t('portfolio.municipalities')}</h2>
      {portfolio.isPending ? <Loading /> : null}
      {portfolio.error ? (
        <QueryError error={portfolio.error} onRetry={() => void portfolio.refetch()} />
      ) : null}
      {portfolio.data && !items.length ? <Notice>{t('portfolio.none')}</Notice> : null}
      {items.length ? (
        <TableWrap label={t('portfolio.municipalities')}>
          {/* On a phone each row stacks into a card, each value under its heading (styles.css). */}
          <table className="stack-on-phone">
            <caption className="visually-hidden">{t('portfolio.municipalities')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('portfolio.municipality')}</th>
                <th scope="col">{t('portfolio.phase')}</th>
                <th scope="col">{t('portfolio.status')}</th>
                <th scope="col">{t('portfolio.nextDue')}</th>
                <th scope="col">{t('portfolio.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) =>
                hasCycle(item) ? (
                  <Row key={item.municipality.municipalityId} item={item} />
                ) : (
                  <RowWithoutCycle key={item.municipality.municipalityId} item={item} />
                ),
              )}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <div className="button-group">
        {filters.cursor ? (
          <button type="button" className="button button--secondary" onClick={() => set('cursor', '')}>
            {t('portfolio.firstPage')}
          </button>
        ) : null}
        {portfolio.data?.nextCursor ? (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              const next = new URLSearchParams(params);
              next.set('cursor', portfolio.data?.nextCursor ?? '');
              setParams(next);
            }}
          >
            {t('portfolio.nextPage')}
          </button>
        ) : null}
      </div>
      {items.some(hasCycle) ? <PortfolioTimeline items={items.filter(hasCycle)} /> : null}
    </>
  );
}
