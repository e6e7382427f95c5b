import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type Problem } from '../../../components/ui/error-summary.tsx';
import { TextField } from '../../../components/ui/fields.tsx';
import { Loading, Notice, PageHeading, Tag, usePageTitle } from '../../../components/ui/page.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { ApiError, api } from '../../../lib/api-client.ts';
import type { Locale, Me } from '../../../lib/api-types.ts';
import { LOCALES } from '../../../lib/i18n.ts';
import { useCalendarLink, useMe, useRotateCalendarLink, useUpdateMe } from '../api/settings.ts';

/** Every time zone the browser knows, with the person's own first if the list lacks it. */
function timeZones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return known.includes(current) ? known : [current, ...known];
}

/** The API's wrong fields on this page's inputs (`displayName` → `settings-name`). */
const FIELD_IDS: Record<string, string> = {
  displayName: 'settings-name',
  locale: 'settings-locale',
  timeZone: 'settings-time-zone',
  'preferences.channels': 'channel-email',
  'preferences.quietHours': 'quiet-start',
  'preferences.quietHours.start': 'quiet-start',
  'preferences.quietHours.end': 'quiet-end',
};

function problemsOf(error: unknown, unexpected: string): Problem[] {
  const fields = error instanceof ApiError ? error.fields : [];
  if (!fields.length) return [{ message: unexpected }];
  return fields.map((field) => {
    const fieldId = FIELD_IDS[field.path];
    return { message: field.message, ...(fieldId ? { fieldId } : {}) };
  });
}

/** Name, language and time zone: what every page and message uses to speak to the person. */
function AboutYou({ me }: { me: Me }) {
  const { t } = useTranslation();
  const update = useUpdateMe();
  const [name, setName] = useState(me.user.displayName);
  const [locale, setLocale] = useState<Locale>(me.user.locale);
  const [timeZone, setTimeZone] = useState(me.user.timeZone);
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!name.trim()) return setProblems([{ message: t('settings.nameMissing'), fieldId: 'settings-name' }]);
    setProblems([]);
    try {
      await update.mutateAsync({ displayName: name.trim(), locale, timeZone });
      setSaved(true);
    } catch (error) {
      setProblems(problemsOf(error, t('errors.unexpected')));
    }
  };
  const errorFor = (id: string) => problems.find((problem) => problem.fieldId === id)?.message;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="settings-you">
      <ErrorSummary problems={problems} />
      {saved ? (
        <div role="status">
          <Notice kind="success" title={t('settings.saved')} />
        </div>
      ) : null}
      <TextField
        id="settings-name"
        label={t('settings.nameLabel')}
        hint={t('settings.nameHint')}
        error={errorFor('settings-name')}
        autoComplete="name"
        value={name}
        maxLength={120}
        onChange={(event) => setName(event.target.value)}
      />
      <div className="field">
        <label className="field__label" htmlFor="settings-locale">
          {t('settings.localeLabel')}
        </label>
        <div className="field__hint" id="settings-locale-hint">
          {t('settings.localeHint')}
        </div>
        <select
          id="settings-locale"
          className="select"
          aria-describedby="settings-locale-hint"
          value={locale}
          onChange={(event) => setLocale(event.target.value as Locale)}
        >
          {LOCALES.map((one) => (
            <option key={one.code} value={one.code} lang={one.code}>
              {one.name}
            </option>
          ))}
        </select>
      </div>
      <div className={`field${errorFor('settings-time-zone') ? ' field--error' : ''}`}>
        <label className="field__label" htmlFor="settings-time-zone">
          {t('settings.timeZoneLabel')}
        </label>
        <div className="field__hint" id="settings-time-zone-hint">
          {t('settings.timeZoneHint')}
        </div>
        <select
          id="settings-time-zone"
          className="select select--wide"
          aria-describedby="settings-time-zone-hint"
          value={timeZone}
          onChange={(event) => setTimeZone(event.target.value)}
        >
          {timeZones(me.user.timeZone).map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll('_', ' ')}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="button" disabled={update.isPending}>
        {t('settings.saveYou')}
      </button>
    </form>
  );
}

function Preferences({ me }: { me: Me }) {
  const { t } = useTranslation();
  const update = useUpdateMe();
  const [channels, setChannels] = useState(
    me.user.preferences.channels ?? me.user.channels.map((channel) => channel.type),
  );
  const [quiet, setQuiet] = useState(Boolean(me.user.preferences.quietHours));
  const [start, setStart] = useState(me.user.preferences.quietHours?.start ?? '21:00');
  const [end, setEnd] = useState(me.user.preferences.quietHours?.end ?? '08:00');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saved, setSaved] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const found: Problem[] = [];
    if (!channels.length) found.push({ message: t('settings.channelsMissing'), fieldId: 'channel-email' });
    if (quiet && (!/^\d\d:\d\d$/.test(start) || !/^\d\d:\d\d$/.test(end)))
      found.push({ message: t('settings.quietInvalid'), fieldId: 'quiet-start' });
    setProblems(found);
    if (found.length) return;
    try {
      await update.mutateAsync({ preferences: { channels, quietHours: quiet ? { start, end } : null } });
      setSaved(true);
    } catch (error) {
      setProblems(problemsOf(error, t('errors.unexpected')));
    }
  };
  const toggle = (channel: 'email' | 'sms', on: boolean) =>
    setChannels((current) =>
      on ? [...new Set([...current, channel])] : current.filter((c) => c !== channel),
    );
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} />
      {saved ? (
        <div role="status">
          <Notice kind="success" title={t('settings.saved')} />
        </div>
      ) : null}
      <fieldset className="field">
        <legend className="field__legend">{t('settings.channelsQuestion')}</legend>
        {/* Only the ways this person can be reached: a phone-only member is not offered email. */}
        {(['email', 'sms'] as const)
          .filter((channel) => me.user.channels.some((one) => one.type === channel))
          .map((channel) => (
            <div className="checkbox" key={channel}>
              <input
                id={`channel-${channel}`}
                type="checkbox"
                checked={channels.includes(channel)}
                onChange={(event) => toggle(channel, event.target.checked)}
              />
              <label htmlFor={`channel-${channel}`}>{t(`settings.channel.${channel}`)}</label>
            </div>
          ))}
      </fieldset>
      <fieldset className="field">
        <legend className="field__legend">{t('settings.quietQuestion')}</legend>
        <div className="field__hint">{t('settings.quietHint')}</div>
        <div className="checkbox">
          <input
            id="quiet"
            type="checkbox"
            checked={quiet}
            onChange={(event) => setQuiet(event.target.checked)}
          />
          <label htmlFor="quiet">{t('settings.quietOn')}</label>
        </div>
        {quiet ? (
          <div className="button-group">
            <TextField
              id="quiet-start"
              type="time"
              label={t('settings.quietFrom')}
              value={start}
              onChange={(e) => setStart(e.target.value)}
            />
            <TextField
              id="quiet-end"
              type="time"
              label={t('settings.quietTo')}
              value={end}
              onChange={(e) => setEnd(e.target.value)}
            />
          </div>
        ) : null}
      </fieldset>
      <button type="submit" className="button" disabled={update.isPending}>
        {t('settings.save')}
      </button>
    </form>
  );
}

function CalendarLink() {
  const { t } = useTranslation();
  const link = useCalendarLink();
  const rotate = useRotateCalendarLink();
  const [copied, setCopied] = useState(false);
  const [confirming, setConfirming] = useState(false);
  if (link.isPending) return <Loading />;
  if (link.error) return <QueryError error={link.error} onRetry={() => void link.refetch()} />;
  return (
    <>
      <TextField
        id="calendar-url"
        label={t('settings.calendarLabel')}
        hint={t('settings.calendarHint')}
        readOnly
        value={link.data.url}
        onFocus={(e) => e.currentTarget.select()}
      />
      <div className="button-group">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => {
            void navigator.clipboard?.writeText(link.data.url).then(() => setCopied(true));
          }}
        >
          {t('settings.copy')}
        </button>
        {confirming ? null : (
          <button type="button" className="button button--secondary" onClick={() => setConfirming(true)}>
            {t('settings.rotate')}
          </button>
        )}
      </div>
      <div role="status">{copied ? <p>{t('settings.copied')}</p> : null}</div>
      {confirming ? (
        <Notice kind="warning" title={t('settings.rotateQuestion')}>
          <p>{t('settings.rotateWarning')}</p>
          <div className="button-group">
            <button
              type="button"
              className="button button--warning"
              onClick={() => {
                void rotate.mutateAsync().then(() => setConfirming(false));
              }}
            >
              {t('settings.rotateConfirm')}
            </button>
            <button type="button" className="link-button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </Notice>
      ) : null}
    </>
  );
}

/** Downloads everything held about the user as a JSON file (through a blob: nothing personal in a URL). */
async function downloadMyData() {
  const data = await api<unknown>('GET', '/me/export');
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = 'romact-my-data.json';
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function SettingsPage() {
  const { t } = useTranslation();
  const me = useMe();
  usePageTitle(t('settings.title'));
  return (
    <>
      <PageHeading>{t('settings.title')}</PageHeading>
      {me.isPending ? <Loading /> : null}
      {me.error ? <QueryError error={me.error} onRetry={() => void me.refetch()} /> : null}
      {me.data ? (
        <>
          <h2 id="settings-you">{t('settings.you')}</h2>
          <AboutYou me={me.data} />
          <h2>{t('settings.messages')}</h2>
          <dl className="summary-list">
            {me.data.user.channels.map((channel) => (
              <div key={`${channel.type}:${channel.address}`}>
                <dt>{t(`settings.channel.${channel.type}`)}</dt>
                <dd>
                  {channel.address}{' '}
                  {channel.verifiedAt ? (
                    <Tag kind="green">{t('settings.verified')}</Tag>
                  ) : (
                    <Tag kind="grey">{t('settings.notVerified')}</Tag>
                  )}
                </dd>
              </div>
            ))}
          </dl>
          <Preferences me={me.data} />
        </>
      ) : null}
      <h2>{t('settings.calendar')}</h2>
      <p>{t('settings.calendarIntro')}</p>
      <CalendarLink />
      <h2>{t('settings.data')}</h2>
      <p>{t('settings.dataIntro')}</p>
      <button type="button" className="button button--secondary" onClick={() => void downloadMyData()}>
        {t('settings.download')}
      </button>
    </>
  );
}
