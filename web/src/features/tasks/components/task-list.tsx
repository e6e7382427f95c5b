import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Tag } from '../../../components/ui/page.tsx';
import type { Task } from '../../../lib/api-types.ts';
import { useFormat } from '../../../lib/format.ts';
import { localized } from '../../../lib/i18n.ts';
import { useMunicipalityName } from '../../cycles/api/municipality.ts';
import { findPhase, findTemplateTask, humanize, useTemplate } from '../../templates/api/template.ts';
import { urgency } from '../api/tasks.ts';

/** The due date in the reader's time zone, with "in 3 days" and a tag when it is close or past. */
export function DueDate({ task }: { task: Task }) {
  const { t } = useTranslation();
  const format = useFormat();
  const level = urgency(task);
  return (
    <span className="due">
      {level === 'overdue' ? <Tag kind="red">{t('tasks.overdue')}</Tag> : null}
      {level === 'soon' ? <Tag kind="yellow">{t('tasks.dueThisWeek')}</Tag> : null}{' '}
      {t('tasks.due', { date: format.date(task.dueAt) })}{' '}
      <span className="due__relative">({format.relativeDays(task.dueAt)})</span>
    </span>
  );
}

function TaskCard({ task }: { task: Task }) {
  const { t, i18n } = useTranslation();
  const template = useTemplate(task.templateId);
  const municipality = useMunicipalityName(task.municipalityId, task.municipalityName);
  const definition = findTemplateTask(template.data, task.phase, task.taskKey);
  const phase = findPhase(template.data, task.phase);
  const title =
    task.kind === 'stall-resolution'
      ? t('tasks.stallTitle')
      : definition?.title || localized(task.title, i18n.language);
  const level = urgency(task);
  return (
    <li className={`task-card task-card--${level}`}>
      <h3 className="task-card__title">
        <Link to={`/task/${encodeURIComponent(task.taskId)}`}>{title}</Link>
      </h3>
      {task.kind === 'stall-resolution' ? (
        <p className="task-card__ask">{t('tasks.stallAsk')}</p>
      ) : definition?.description ? (
        <p className="task-card__ask">{definition.description}</p>
      ) : null}
      <dl className="task-card__facts">
        <div>
          <dt>{t('tasks.municipality')}</dt>
          <dd>{municipality}</dd>
        </div>
        <div>
          <dt>{t('tasks.phase')}</dt>
          <dd>{phase?.title ?? humanize(task.phase)}</dd>
        </div>
        <div>
          <dt>{t('tasks.dueLabel')}</dt>
          <dd>
            <DueDate task={task} />
          </dd>
        </div>
      </dl>
    </li>
  );
}

/** Open tasks in three groups (overdue, due this week, later), each by due date. */
export function TaskList({ tasks }: { tasks: Task[] }) {
  const { t } = useTranslation();
  const sorted = [...tasks].sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const groups = (['overdue', 'soon', 'later'] as const)
    .map((level) => ({ level, items: sorted.filter((task) => urgency(task) === level) }))
    .filter((group) => group.items.length);
  return (
    <>
      {groups.map((group) => (
        <section key={group.level} aria-labelledby={`group-${group.level}`}>
          <h2 id={`group-${group.level}`} className="group-heading">
            {t(`tasks.group.${group.level}`, { count: group.items.length })}
          </h2>
          <ul className="task-list">
            {group.items.map((task) => (
              <TaskCard key={task.taskId} task={task} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
