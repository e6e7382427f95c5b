import type { RJSFSchema } from '@rjsf/utils';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type Problem } from '../../../components/ui/error-summary.tsx';
import { Radios, TextField } from '../../../components/ui/fields.tsx';
import { Loading, Notice } from '../../../components/ui/page.tsx';
import { ApiError, type FieldError, NetworkError } from '../../../lib/api-client.ts';
import type { Task } from '../../../lib/api-types.ts';
import { useMembers } from '../../members/api/members.ts';
import { type Consent, useCompleteOnBehalf } from '../api/tasks.ts';
import { TaskForm } from './task-form.tsx';

/**
 * Assisted entry: municipal staff or a coordinator records a CAG task for the members who were present, with
 * their consent (how and when it was given). The CAG members are told that an entry was made in their name.
 */
export function AssistedEntry({ task, schema }: { task: Task; schema: RJSFSchema }) {
  const { t } = useTranslation();
  const members = useMembers(task.municipalityId);
  const complete = useCompleteOnBehalf(task.taskId);
  const [open, setOpen] = useState(false);
  const [present, setPresent] = useState<string[]>([]);
  const [method, setMethod] = useState<Consent['method']>();
  const [givenOn, setGivenOn] = useState('');
  const [reference, setReference] = useState('');
  const [formData, setFormData] = useState<unknown>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [outputErrors, setOutputErrors] = useState<FieldError[]>([]);
  const cag = (members.data?.items ?? []).filter((member) => member.role === 'cag');

  if (!open) {
    return (
      <section aria-labelledby="assisted">
        <h2 id="assisted">{t('assisted.title')}</h2>
        <p>{t('assisted.intro')}</p>
        <button type="button" className="button button--secondary" onClick={() => setOpen(true)}>
          {t('assisted.start')}
        </button>
      </section>
    );
  }

  const submit = async (output: unknown) => {
    const found: Problem[] = [];
    if (!present.length) found.push({ message: t('assisted.membersMissing'), fieldId: 'assisted-members' });
    if (!method) found.push({ message: t('assisted.methodMissing'), fieldId: 'assisted-method' });
    if (!givenOn) found.push({ message: t('assisted.dateMissing'), fieldId: 'assisted-date' });
    else if (givenOn > new Date().toISOString().slice(0, 10))
      found.push({ message: t('assisted.dateFuture'), fieldId: 'assisted-date' });
    setProblems(found);
    setOutputErrors([]);
    if (found.length || !method) return;
    try {
      await complete.mutateAsync({
        output,
        onBehalfOf: present,
        consent: { method, givenOn, ...(reference.trim() ? { reference: reference.trim() } : {}) },
      });
      window.scrollTo(0, 0);
    } catch (error) {
      if (error instanceof ApiError && error.fields.length) {
        // Errors in the answers land on the form; errors about who and consent on their own fields.
        setOutputErrors(
          error.fields
            .filter((field) => field.path.startsWith('output.'))
            .map((field) => ({ ...field, path: field.path.slice('output.'.length) })),
        );
        setProblems(
          error.fields
            .filter((field) => !field.path.startsWith('output.'))
            .map((field) => ({
              message: field.message,
              fieldId: field.path.startsWith('consent.givenOn')
                ? 'assisted-date'
                : field.path.startsWith('consent')
                  ? 'assisted-method'
                  : 'assisted-members',
            })),
        );
      } else {
        setProblems([
          { message: error instanceof NetworkError ? t('errors.network') : t('errors.unexpected') },
        ]);
      }
    }
  };

  const errorFor = (id: string) => problems.find((problem) => problem.fieldId === id)?.message;
  return (
    <section aria-labelledby="assisted">
      <h2 id="assisted">{t('assisted.title')}</h2>
      <ErrorSummary problems={problems} />
      <Notice>
        <p>{t('assisted.notice')}</p>
      </Notice>
      {members.isPending ? <Loading /> : null}
      <fieldset
        className={errorFor('assisted-members') ? 'field field--error' : 'field'}
        aria-describedby="assisted-members-hint"
      >
        <legend className="field__legend">{t('assisted.membersQuestion')}</legend>
        <div className="field__hint" id="assisted-members-hint">
          {t('assisted.membersHint')}
        </div>
        {errorFor('assisted-members') ? <p className="field__error">{errorFor('assisted-members')}</p> : null}
        {cag.map((member, index) => (
          <div className="checkbox" key={member.userId}>
            <input
              id={index === 0 ? 'assisted-members' : `assisted-member-${member.userId}`}
              type="checkbox"
              checked={present.includes(member.userId)}
              onChange={(event) =>
                setPresent((current) =>
                  event.target.checked
                    ? [...current, member.userId]
                    : current.filter((id) => id !== member.userId),
                )
              }
            />
            <label htmlFor={index === 0 ? 'assisted-members' : `assisted-member-${member.userId}`}>
              {member.displayName}
            </label>
          </div>
        ))}
      </fieldset>
      <Radios<Consent['method']>
        name="assisted-method"
        legend={t('assisted.methodQuestion')}
        error={errorFor('assisted-method')}
        value={method}
        onChange={setMethod}
        options={[
          { value: 'verbal', label: t('assisted.method.verbal') },
          { value: 'written', label: t('assisted.method.written') },
          { value: 'other', label: t('assisted.method.other') },
        ]}
      />
      <TextField
        id="assisted-date"
        type="date"
        label={t('assisted.dateLabel')}
        error={errorFor('assisted-date')}
        value={givenOn}
        onChange={(event) => setGivenOn(event.target.value)}
      />
      <TextField
        id="assisted-reference"
        label={`${t('assisted.referenceLabel')} ${t('form.optional')}`}
        hint={t('assisted.referenceHint')}
        value={reference}
        onChange={(event) => setReference(event.target.value)}
      />
      <h3>{t('assisted.answers')}</h3>
      <TaskForm
        outputName={task.output}
        schema={schema}
        formData={formData}
        serverErrors={outputErrors}
        submitLabel={complete.isPending ? t('task.sending') : t('assisted.submit')}
        disabled={complete.isPending}
        onChange={setFormData}
        onSubmit={(data) => void submit(data)}
      />
    </section>
  );
}
