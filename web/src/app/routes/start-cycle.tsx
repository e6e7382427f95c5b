import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ErrorSummary, type Problem } from '../../components/ui/error-summary.tsx';
import { TextField } from '../../components/ui/fields.tsx';
import { PageHeading, usePageTitle } from '../../components/ui/page.tsx';
import { useStartCycle } from '../../features/cycles/api/cycles.ts';
import { MunicipalityChoices } from '../../features/portfolio/components/municipality-choices.tsx';
import { ApiError } from '../../lib/api-client.ts';

/** A coordinator starts a cycle for a municipality. A retried click starts it once (client token). */
export function Component() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const start = useStartCycle();
  const clientToken = useRef(crypto.randomUUID());
  // The portfolio links here with the municipality chosen (its id only: nothing personal in the address).
  const [params] = useSearchParams();
  const [municipalityId, setMunicipalityId] = useState(params.get('municipalityId') ?? '');
  const [fundingCall, setFundingCall] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  usePageTitle(t('start.title'), problems.length > 0);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!municipalityId.trim())
      return setProblems([{ message: t('start.municipalityMissing'), fieldId: 'municipality' }]);
    try {
      const cycle = await start.mutateAsync({
        municipalityId: municipalityId.trim(),
        clientToken: clientToken.current,
        ...(fundingCall ? { dates: { fundingCallClosesAt: fundingCall } } : {}),
      });
      void navigate(`/cycle/${encodeURIComponent(cycle.cycleId)}`);
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : [];
      setProblems(
        fields.length
          ? fields.map((field) => ({
              message: field.path === 'municipalityId' ? t('start.municipalityUnknown') : field.message,
              fieldId: field.path.startsWith('dates') ? 'funding-call' : 'municipality',
            }))
          : [{ message: t('errors.unexpected') }],
      );
    }
  };
  const errorFor = (id: string) => problems.find((problem) => problem.fieldId === id)?.message;
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} />
      <PageHeading>{t('start.title')}</PageHeading>
      <p>{t('start.intro')}</p>
      <TextField
        id="municipality"
        label={t('start.municipalityLabel')}
        hint={t('start.municipalityHint')}
        error={errorFor('municipality')}
        value={municipalityId}
        autoComplete="off"
        spellCheck={false}
        list="municipality-choices"
        onChange={(event) => setMunicipalityId(event.target.value)}
      />
      <MunicipalityChoices id="municipality-choices" />
      <TextField
        id="funding-call"
        type="date"
        label={`${t('start.fundingCallLabel')} ${t('form.optional')}`}
        hint={t('start.fundingCallHint')}
        error={errorFor('funding-call')}
        value={fundingCall}
        onChange={(event) => setFundingCall(event.target.value)}
      />
      <button type="submit" className="button" disabled={start.isPending}>
        {t('start.submit')}
      </button>
    </form>
  );
}
