import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useNavigate } from 'react-router';
import { takeReturnPath } from '../../../app/require-sign-in.tsx';
import { ErrorSummary, type Problem } from '../../../components/ui/error-summary.tsx';
import { Radios, TextField } from '../../../components/ui/fields.tsx';
import { BackLink, Notice, usePageTitle } from '../../../components/ui/page.tsx';
import { ApiError, NetworkError } from '../../../lib/api-client.ts';
import { type Channel, useAuth } from '../../../lib/auth.tsx';

/**
 * Sign-in, one question per page: how to get the code, the address, the code. The address stays in this
 * component's memory: it is never put in the URL or on the device.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** "+359 88 812 3456" → "+359888123456"; undefined when it cannot be an E.164 number. */
export function normalizePhone(input: string): string | undefined {
  const compact = input.replace(/[\s().-]/g, '').replace(/^00/, '+');
  return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : undefined;
}

function explain(error: unknown, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (error instanceof NetworkError) return t('errors.network');
  if (error instanceof ApiError && error.status === 429) {
    const minutes = Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));
    return t('auth.tooManyTries', { count: minutes });
  }
  return t('errors.unexpected');
}

function ChannelPage({
  channel,
  onNext,
}: {
  channel: Channel | undefined;
  onNext: (channel: Channel) => void;
}) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<Channel | undefined>(channel);
  const [error, setError] = useState<string>();
  usePageTitle(t('auth.channelQuestion'), Boolean(error));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!choice) return setError(t('auth.channelMissing'));
    onNext(choice);
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={error ? [{ message: error, fieldId: 'channel' }] : []} />
      <Radios<Channel>
        name="channel"
        legendAsHeading
        legend={t('auth.channelQuestion')}
        hint={t('auth.channelHint')}
        error={error}
        value={choice}
        onChange={setChoice}
        options={[
          { value: 'email', label: t('auth.channelEmail') },
          { value: 'sms', label: t('auth.channelSms'), hint: t('auth.channelSmsHint') },
        ]}
      />
      <button type="submit" className="button">
        {t('common.continue')}
      </button>
    </form>
  );
}

function AddressPage({
  channel,
  address,
  onSent,
}: {
  channel: Channel;
  address: string;
  onSent: (address: string) => void;
}) {
  const { t } = useTranslation();
  const { startSignIn } = useAuth();
  const [value, setValue] = useState(address);
  const [problem, setProblem] = useState<Problem>();
  const [sending, setSending] = useState(false);
  const question = channel === 'email' ? t('auth.emailQuestion') : t('auth.phoneQuestion');
  usePageTitle(question, Boolean(problem));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = value.trim();
    const normalized =
      channel === 'email' ? (EMAIL.test(trimmed) ? trimmed : undefined) : normalizePhone(trimmed);
    if (!normalized) {
      return setProblem({
        message: trimmed === '' ? t(`auth.${channel}Missing`) : t(`auth.${channel}Invalid`),
        fieldId: 'address',
      });
    }
    setSending(true);
    try {
      await startSignIn(channel, normalized);
      onSent(normalized);
    } catch (error) {
      setProblem({ message: explain(error, t), fieldId: 'address' });
    } finally {
      setSending(false);
    }
  };
  return (
    <>
      <BackLink to="/sign-in">{t('common.back')}</BackLink>
      <form onSubmit={submit} noValidate>
        <ErrorSummary problems={problem ? [problem] : []} />
        <TextField
          id="address"
          labelAsHeading
          label={question}
          hint={channel === 'email' ? t('auth.emailHint') : t('auth.phoneHint')}
          error={problem?.message}
          type={channel === 'email' ? 'email' : 'tel'}
          autoComplete={channel === 'email' ? 'email' : 'tel'}
          spellCheck={false}
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
        <button type="submit" className="button" disabled={sending}>
          {sending ? t('auth.sending') : t('auth.sendCode')}
        </button>
      </form>
    </>
  );
}

function CodePage({ channel, address }: { channel: Channel; address: string }) {
  const { t } = useTranslation();
  const { verifyCode, startSignIn } = useAuth();
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<Problem>();
  const [resent, setResent] = useState(false);
  const [busy, setBusy] = useState(false);
  usePageTitle(t('auth.codeQuestion'), Boolean(problem));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const digits = code.replace(/\s/g, '');
    if (!/^\d{6}$/.test(digits)) {
      return setProblem({ message: digits ? t('auth.codeFormat') : t('auth.codeMissing'), fieldId: 'code' });
    }
    setBusy(true);
    try {
      // Signed in: the flow itself moves on (SignedIn below), to the page the person came for.
      await verifyCode(channel, address, digits);
    } catch (error) {
      const wrong = error instanceof ApiError && (error.status === 400 || error.status === 401);
      setProblem({ message: wrong ? t('auth.codeWrong') : explain(error, t), fieldId: 'code' });
    } finally {
      setBusy(false);
    }
  };
  const resend = async () => {
    setProblem(undefined);
    try {
      await startSignIn(channel, address);
      setResent(true);
    } catch (error) {
      setProblem({ message: explain(error, t), fieldId: 'code' });
    }
  };
  return (
    <>
      <BackLink to="/sign-in/address">{t('common.back')}</BackLink>
      <form onSubmit={submit} noValidate>
        <ErrorSummary problems={problem ? [problem] : []} />
        {resent ? (
          <div role="status">
            <Notice kind="success">{t('auth.codeResent')}</Notice>
          </div>
        ) : null}
        <TextField
          id="code"
          labelAsHeading
          label={t('auth.codeQuestion')}
          hint={`${channel === 'email' ? t('auth.codeSentEmail') : t('auth.codeSentSms')} ${t('auth.codeHint')}`}
          error={problem?.message}
          className="input input--code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
        <button type="submit" className="button" disabled={busy}>
          {t('auth.signIn')}
        </button>
      </form>
      <p>
        <button type="button" className="link-button" onClick={() => void resend()}>
          {t('auth.resend')}
        </button>
      </p>
    </>
  );
}

/**
 * Where a person goes once signed in: the role choice when they hold several, else the page they asked for
 * before signing in (the task of a message's link), else My tasks. Decided once, as the flow gives way.
 */
function SignedIn() {
  const { session } = useAuth();
  const [to] = useState(() => ((session?.memberships.length ?? 0) > 1 ? '/choose-role' : takeReturnPath()));
  return <Navigate to={to} replace />;
}

export function SignInFlow() {
  const { status } = useAuth();
  const navigate = useNavigate();
  const [channel, setChannel] = useState<Channel>();
  const [address, setAddress] = useState('');
  if (status === 'signed-in') return <SignedIn />;
  return (
    <Routes>
      <Route
        index
        element={
          <ChannelPage
            channel={channel}
            onNext={(next) => {
              if (next !== channel) setAddress('');
              setChannel(next);
              void navigate('/sign-in/address');
            }}
          />
        }
      />
      <Route
        path="address"
        element={
          channel ? (
            <AddressPage
              channel={channel}
              address={address}
              onSent={(sent) => {
                setAddress(sent);
                void navigate('/sign-in/code');
              }}
            />
          ) : (
            <Navigate to="/sign-in" replace />
          )
        }
      />
      <Route
        path="code"
        element={
          channel && address ? (
            <CodePage channel={channel} address={address} />
          ) : (
            <Navigate to="/sign-in" replace />
          )
        }
      />
      <Route path="*" element={<Navigate to="/sign-in" replace />} />
    </Routes>
  );
}
