import type { RJSFSchema } from '@rjsf/utils';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorSummary } from '../../../components/ui/error-summary.tsx';
import {
  BackLink,
  Loading,
  Notice,
  PageHeading,
  Tag,
  Term,
  usePageTitle,
} from '../../../components/ui/page.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { ApiError, type FieldError, NetworkError } from '../../../lib/api-client.ts';
import type { Task, Template } from '../../../lib/api-types.ts';
import { useAuth } from '../../../lib/auth.tsx';
import { useFormat } from '../../../lib/format.ts';
import { localized } from '../../../lib/i18n.ts';
import { useCycle } from '../../cycles/api/cycles.ts';
import { useMunicipalityName } from '../../cycles/api/municipality.ts';
import { findPhase, findTemplateTask, humanize, useTemplate } from '../../templates/api/template.ts';
import { clearDraft, loadDraft, saveDraft } from '../api/drafts.ts';
import { useCompleteTask, useTask } from '../api/tasks.ts';
import { AssistedEntry } from './assisted-entry.tsx';
import { ExtendDeadline } from './extend-deadline.tsx';
import { TaskForm } from './task-form.tsx';
import { DueDate } from './task-list.tsx';

type SendState = 'idle' | 'sending' | 'waiting-for-connection';

/** The programme's words, explained where a task uses them. */
function Terms({ task, template }: { task: Task; template: Template | undefined }) {
  const { t } = useTranslation();
  const phase = findPhase(template, task.phase);
  const joint = Boolean(phase?.approval) || task.output === 'approval-decision';
  return (
    <>
      {task.assignee === 'cag' || task.phase === 'consultation' ? (
        <Term term={t('terms.cag.term')}>{t('terms.cag.text')}</Term>
      ) : null}
      {joint ? <Term term={t('terms.jointPlan.term')}>{t('terms.jointPlan.text')}</Term> : null}
    </>
  );
}

/** In a joint approval, what the other side decided (once it has). */
function OtherSide({ task }: { task: Task }) {
  const { t } = useTranslation();
  const format = useFormat();
  const cycle = useCycle(task.cycleId);
  const others = (cycle.data?.tasks ?? []).filter(
    (other) =>
      other.phase === task.phase && other.revision === task.revision && other.taskKey !== task.taskKey,
  );
  if (!others.length) return null;
  return (
    <section aria-labelledby="other-side">
      <h2 id="other-side">{t('task.otherSide')}</h2>
      {others.map((other) => {
        const decision =
          (other.result as { decision?: string } | undefined)?.decision ?? other.summary?.decision;
        return (
          <p key={other.taskId}>
            {other.status === 'COMPLETED' && decision ? (
              <>
                <Tag kind={decision === 'approve' ? 'green' : 'red'}>{t(`task.decision.${decision}`)}</Tag>
                {t('task.otherDecided', {
                  who: t(`roles.${other.assignee}`),
                  date: format.date(other.completedAt),
                })}
              </>
            ) : (
              t('task.otherPending', { who: t(`roles.${other.assignee}`) })
            )}
          </p>
        );
      })}
    </section>
  );
}

function WhatHappensNext({ task, template }: { task: Task; template: Template | undefined }) {
  const { t } = useTranslation();
  const phases = template?.phases ?? [];
  const index = phases.findIndex((phase) => phase.key === task.phase);
  const phase = phases[index];
  const next = phases[index + 1];
  const decision = (task.result as { decision?: string } | undefined)?.decision;
  let text: string;
  if (decision === 'reject' && phase?.approval) {
    text = t('next.rejected', {
      phase: findPhase(template, phase.approval.backTo)?.title ?? humanize(phase.approval.backTo),
    });
  } else if ((phase?.tasks.length ?? 1) > 1) {
    text = t('next.joint', { phase: next?.title ?? '' });
  } else if (next) {
    text = t('next.phase', { phase: next.title });
  } else {
    text = t('next.last');
  }
  return (
    <section aria-labelledby="next">
      <h2 id="next">{t('next.title')}</h2>
      <p>{text}</p>
      <p>{t('next.notify')}</p>
    </section>
  );
}

export function TaskPage({ taskId }: { taskId: string }) {
  const { t, i18n } = useTranslation();
  const { activeMembership } = useAuth();
  const format = useFormat();
  const task = useTask(taskId);
  const template = useTemplate(task.data?.templateId);
  const municipality = useMunicipalityName(task.data?.municipalityId, task.data?.municipalityName);
  const complete = useCompleteTask(taskId);
  const draft = useRef(loadDraft(taskId));
  const [formData, setFormData] = useState<unknown>(draft.current?.data);
  const [savedAt, setSavedAt] = useState<string | undefined>(draft.current?.savedAt);
  const [sendState, setSendState] = useState<SendState>(
    draft.current?.pending ? 'waiting-for-connection' : 'idle',
  );
  const [serverErrors, setServerErrors] = useState<FieldError[]>([]);
  const [pageError, setPageError] = useState<string>();
  const [justSent, setJustSent] = useState(false);
  // The form reports its empty defaults once when it mounts: that is not something typed, so not a draft.
  const untouched = useRef<string | undefined>(draft.current ? undefined : 'unset');

  const definition = findTemplateTask(template.data, task.data?.phase ?? '', task.data?.taskKey ?? '');
  const phase = findPhase(template.data, task.data?.phase ?? '');
  const title =
    task.data?.kind === 'stall-resolution'
      ? t('tasks.stallTitle')
      : definition?.title || localized(task.data?.title, i18n.language) || t('task.title');
  usePageTitle(title, serverErrors.length > 0 || Boolean(pageError));

  const send = useCallback(
    async (data: unknown) => {
      setPageError(undefined);
      setServerErrors([]);
      if (!navigator.onLine) {
        saveDraft(taskId, { data, savedAt: new Date().toISOString(), pending: true });
        setSendState('waiting-for-connection');
        return;
      }
      setSendState('sending');
      try {
        await complete.mutateAsync(data);
        clearDraft(taskId);
        setSendState('idle');
        setJustSent(true);
        window.scrollTo(0, 0);
      } catch (error) {
        if (error instanceof NetworkError) {
          saveDraft(taskId, { data, savedAt: new Date().toISOString(), pending: true });
          setSendState('waiting-for-connection');
          return;
        }
        setSendState('idle');
        saveDraft(taskId, { data, savedAt: new Date().toISOString(), pending: false });
        if (
          error instanceof ApiError &&
          error.fields.length &&
          (error.status === 400 || error.status === 422)
        ) {
          setServerErrors(error.fields);
        } else if (error instanceof ApiError && error.status === 409) {
          setPageError(t('task.conflict'));
          void task.refetch();
        } else {
          setPageError(t('errors.unexpected'));
        }
      }
    },
    [complete, taskId, t, task],
  );

  // Answers submitted while offline go as soon as the connection is back (and on the next visit).
  useEffect(() => {
    if (sendState !== 'waiting-for-connection') return;
    const retry = () => void send(loadDraft(taskId)?.data ?? formData);
    window.addEventListener('online', retry);
    const timer = navigator.onLine ? setTimeout(retry, 3_000) : undefined;
    return () => {
      window.removeEventListener('online', retry);
      clearTimeout(timer);
    };
  }, [sendState, send, taskId, formData]);

  if (task.isPending) return <Loading />;
  if (task.error) return <QueryError error={task.error} onRetry={() => void task.refetch()} />;
  const current = task.data;
  const schema = template.data?.outputs[current.output]?.schema as RJSFSchema | undefined;
  const role = activeMembership?.role;
  const mine = current.status === 'OPEN' && role === current.assignee;
  const caption = `${municipality} · ${phase?.title ?? humanize(current.phase)}`;

  return (
    <>
      <BackLink to="/">{t('task.backToTasks')}</BackLink>
      {justSent ? (
        <div className="panel-done" role="status">
          <p className="notice__title">{t('task.sentTitle')}</p>
          <p>{t('task.sentText')}</p>
        </div>
      ) : null}
      {pageError ? <ErrorSummary problems={[{ message: pageError }]} /> : null}
      <PageHeading caption={caption}>{title}</PageHeading>

      {current.status === 'OPEN' ? (
        <p>
          <DueDate task={current} />
        </p>
      ) : (
        <p>
          {current.status === 'COMPLETED' ? (
            <>
              <Tag kind="green">{t('task.status.COMPLETED')}</Tag>
              {t('task.completedOn', { date: format.date(current.completedAt) })}
            </>
          ) : (
            <Tag kind="grey">{t('task.status.CANCELLED')}</Tag>
          )}
        </p>
      )}

      <section aria-labelledby="asked">
        <h2 id="asked">{t('task.whatIsAsked')}</h2>
        {current.kind === 'stall-resolution' ? (
          <p>{t('tasks.stallAsk')}</p>
        ) : definition?.description ? (
          <p>{definition.description}</p>
        ) : (
          <p>{t('task.askFallback', { who: t(`roles.${current.assignee}`) })}</p>
        )}
        <p>{t('task.why')}</p>
        <Terms task={current} template={template.data} />
      </section>

      {phase && phase.tasks.length > 1 ? <OtherSide task={current} /> : null}

      {current.status === 'COMPLETED' ? <WhatHappensNext task={current} template={template.data} /> : null}

      {current.status === 'COMPLETED' && schema && current.result !== undefined ? (
        <section aria-labelledby="sent-answers">
          <h2 id="sent-answers">{t('task.sentAnswers')}</h2>
          <TaskForm
            outputName={current.output}
            schema={schema}
            formData={current.result}
            serverErrors={[]}
            submitLabel=""
            readOnly
            onChange={() => undefined}
            onSubmit={() => undefined}
          />
        </section>
      ) : null}

      {mine ? (
        <section aria-labelledby="answers">
          <h2 id="answers">{t('task.yourAnswers')}</h2>
          {sendState === 'waiting-for-connection' ? (
            <div role="status">
              <Notice kind="warning" title={t('task.waitingTitle')}>
                <p>{t('task.waitingText')}</p>
              </Notice>
            </div>
          ) : savedAt ? (
            <p className="draft-status" role="status">
              {t('task.draftSaved', { time: format.dateTime(savedAt) })}
            </p>
          ) : null}
          {template.isPending ? <Loading /> : null}
          {template.error ? (
            <QueryError error={template.error} onRetry={() => void template.refetch()} />
          ) : null}
          {schema ? (
            <TaskForm
              outputName={current.output}
              schema={schema}
              formData={formData}
              serverErrors={serverErrors}
              submitLabel={sendState === 'sending' ? t('task.sending') : t('task.submit')}
              disabled={sendState === 'sending'}
              onChange={(data) => {
                setFormData(data);
                const json = JSON.stringify(data);
                if (untouched.current === 'unset') untouched.current = json;
                if (json === untouched.current) return;
                const now = new Date().toISOString();
                if (
                  saveDraft(taskId, { data, savedAt: now, pending: sendState === 'waiting-for-connection' })
                )
                  setSavedAt(now);
              }}
              onSubmit={(data) => void send(data)}
            />
          ) : null}
        </section>
      ) : null}

      {current.status === 'OPEN' &&
      current.assignee === 'cag' &&
      (role === 'municipality' || role === 'coordinator') &&
      schema ? (
        <AssistedEntry task={current} schema={schema} />
      ) : null}

      {current.status === 'OPEN' && !mine ? (
        <Notice>
          <p>{t('task.notYours', { who: t(`roles.${current.assignee}`) })}</p>
        </Notice>
      ) : null}

      {role === 'coordinator' && current.status === 'OPEN' && current.kind === 'task' ? (
        <section aria-labelledby="extend">
          <h2 id="extend">{t('extend.title')}</h2>
          <ExtendDeadline task={current} />
        </section>
      ) : null}

      <p>
        <Link to={`/cycle/${encodeURIComponent(current.cycleId)}`}>{t('task.seeCycle')}</Link>
      </p>
    </>
  );
}
