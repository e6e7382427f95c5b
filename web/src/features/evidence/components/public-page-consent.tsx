import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../../components/ui/fields.tsx';
import { Loading, Notice, PageHeading, usePageTitle } from '../../../components/ui/page.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { useAuth } from '../../../lib/auth.tsx';
import { useFormat } from '../../../lib/format.ts';
import { type GenderBalance, useChangeConsent, usePublication } from '../api/evidence.ts';

/**
 * The municipality's public page: whether it is published, each side's consent, and the caller's own side's
 * choice. Published only while both the municipality and the CAG agree; either side withdraws at once.
 */
export function PublicPageConsent() {
  const { t } = useTranslation();
  const format = useFormat();
  const { activeMembership } = useAuth();
  const municipalityId = activeMembership?.municipalityId;
  const side = activeMembership?.role === 'cag' ? 'cag' : 'municipality';
  const status = usePublication(municipalityId);
  const change = useChangeConsent(municipalityId ?? '');
  const [balance, setBalance] = useState<Record<keyof GenderBalance, string>>({
    women: '',
    men: '',
    otherOrUndisclosed: '',
  });
  usePageTitle(t('publicPage.title'));
  if (!municipalityId) return <Notice>{t('publicPage.onlyMembers')}</Notice>;
  const consents = status.data?.publication?.consents ?? {};
  const mine = consents[side];
  const numbers = Object.values(balance).every((value) => /^\d{1,5}$/.test(value))
    ? {
        women: Number(balance.women),
        men: Number(balance.men),
        otherOrUndisclosed: Number(balance.otherOrUndisclosed),
      }
    : undefined;
  return (
    <>
      <PageHeading>{t('publicPage.title')}</PageHeading>
      <p>{t('publicPage.intro')}</p>
      {status.isPending ? <Loading /> : null}
      {status.error ? <QueryError error={status.error} onRetry={() => void status.refetch()} /> : null}
      {status.data ? (
        <>
          <div role="status">
            <Notice kind={status.data.published ? 'success' : 'info'}>
              <p>{status.data.published ? t('publicPage.published') : t('publicPage.notPublished')}</p>
            </Notice>
          </div>
          <ul>
            {(['municipality', 'cag'] as const).map((one) => (
              <li key={one}>
                {t(`roles.${one}`)}:{' '}
                {consents[one]
                  ? t('publicPage.consentedOn', { date: format.date(consents[one]?.givenAt) })
                  : t('publicPage.noConsent')}
              </li>
            ))}
          </ul>
          {status.data.published ? (
            <p>
              <a href={`/p/${encodeURIComponent(municipalityId)}`}>{t('publicPage.open')}</a>
            </p>
          ) : null}
          {mine ? (
            <button
              type="button"
              className="button button--warning"
              onClick={() => change.mutate({ consent: false })}
              disabled={change.isPending}
            >
              {t('publicPage.withdraw')}
            </button>
          ) : (
            <form
              onSubmit={(event) => {
                event.preventDefault();
                change.mutate({ consent: true, ...(numbers ? { genderBalance: numbers } : {}) });
              }}
            >
              {side === 'cag' ? (
                <fieldset className="field">
                  <legend className="field__legend">{t('publicPage.balance')}</legend>
                  {(['women', 'men', 'otherOrUndisclosed'] as const).map((key) => (
                    <TextField
                      key={key}
                      id={`balance-${key}`}
                      label={t(`publicPage.${key}`)}
                      inputMode="numeric"
                      value={balance[key]}
                      onChange={(event) =>
                        setBalance((current) => ({ ...current, [key]: event.target.value }))
                      }
                    />
                  ))}
                </fieldset>
              ) : null}
              <button type="submit" className="button" disabled={change.isPending}>
                {t('publicPage.consent')}
              </button>
            </form>
          )}
        </>
      ) : null}
    </>
  );
}
