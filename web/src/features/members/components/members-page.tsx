import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorSummary, type Problem } from '../../../components/ui/error-summary.tsx';
import { Radios, TextField } from '../../../components/ui/fields.tsx';
import { Loading, Notice, PageHeading, usePageTitle } from '../../../components/ui/page.tsx';
import { QueryError } from '../../../components/ui/query-error.tsx';
import { TableWrap } from '../../../components/ui/table-wrap.tsx';
import { ApiError } from '../../../lib/api-client.ts';
import type { Locale, Member } from '../../../lib/api-types.ts';
import { useAuth } from '../../../lib/auth.tsx';
import { LOCALES } from '../../../lib/i18n.ts';
import { normalizePhone } from '../../auth/components/sign-in-flow.tsx';
import { useMunicipalityName } from '../../cycles/api/municipality.ts';
import { MunicipalityChoices } from '../../portfolio/components/municipality-choices.tsx';
import { type Invitation, useInvite, useMembers, useRemoveMember } from '../api/members.ts';

function MemberRow({
  member,
  municipalityId,
  canRemove,
}: {
  member: Member;
  municipalityId: string;
  canRemove: boolean;
}) {
  const { t } = useTranslation();
  const remove = useRemoveMember(municipalityId);
  const [confirming, setConfirming] = useState(false);
  return (
    <tr>
      <th scope="row">{member.displayName}</th>
      <td>{t(`roles.${member.role}`)}</td>
      <td>{(member.channels ?? []).map((channel) => t(`settings.channel.${channel.type}`)).join(', ')}</td>
      <td>
        {canRemove && !confirming ? (
          <button type="button" className="link-button" onClick={() => setConfirming(true)}>
            {t('members.remove')}
            <span className="visually-hidden"> {member.displayName}</span>
          </button>
        ) : null}
        {confirming ? (
          <div className="button-group">
            <button
              type="button"
              className="button button--warning button--small"
              onClick={() => void remove.mutateAsync(member.membershipId)}
            >
              {t('members.removeConfirm', { name: member.displayName })}
            </button>
            <button type="button" className="link-button" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </button>
          </div>
        ) : null}
      </td>
    </tr>
  );
}

function InviteForm({ municipalityId, roles }: { municipalityId: string; roles: Invitation['role'][] }) {
  const { t, i18n } = useTranslation();
  const invite = useInvite(municipalityId);
  const [role, setRole] = useState<Invitation['role'] | undefined>(roles.length === 1 ? roles[0] : undefined);
  const [name, setName] = useState('');
  const [locale, setLocale] = useState<Locale>(i18n.language as Locale);
  const [channel, setChannel] = useState<'email' | 'sms'>();
  const [address, setAddress] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [sent, setSent] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSent(false);
    const found: Problem[] = [];
    if (!role) found.push({ message: t('members.roleMissing'), fieldId: 'invite-role' });
    if (!name.trim()) found.push({ message: t('members.nameMissing'), fieldId: 'invite-name' });
    if (!channel) found.push({ message: t('auth.channelMissing'), fieldId: 'invite-channel' });
    const normalized =
      channel === 'sms'
        ? normalizePhone(address)
        : /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address.trim())
          ? address.trim()
          : undefined;
    if (channel && !normalized)
      found.push({ message: t(`auth.${channel}Invalid`), fieldId: 'invite-address' });
    setProblems(found);
    if (found.length || !role || !channel || !normalized) return;
    try {
      await invite.mutateAsync({ role, displayName: name.trim(), locale, channel, address: normalized });
      setSent(true);
      setName('');
      setAddress('');
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : [];
      setProblems(
        fields.length
          ? fields.map((field) => ({
              message: field.message,
              fieldId: `invite-${field.path === 'displayName' ? 'name' : field.path}`,
            }))
          : [{ message: t('errors.unexpected') }],
      );
    }
  };
  const errorFor = (id: string) => problems.find((problem) => problem.fieldId === id)?.message;
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={problems} />
      {sent ? (
        <div role="status">
          <Notice kind="success" title={t('members.invited')}>
            <p>{t('members.invitedText')}</p>
          </Notice>
        </div>
      ) : null}
      {roles.length > 1 ? (
        <Radios
          name="invite-role"
          legend={t('members.roleQuestion')}
          error={errorFor('invite-role')}
          value={role}
          onChange={setRole}
          options={roles.map((value) => ({ value, label: t(`roles.${value}`) }))}
        />
      ) : null}
      <TextField
        id="invite-name"
        label={t('members.name')}
        hint={t('members.nameHint')}
        error={errorFor('invite-name')}
        value={name}
        autoComplete="off"
        onChange={(e) => setName(e.target.value)}
      />
      <div className="field">
        <label className="field__label" htmlFor="invite-locale">
          {t('members.language')}
        </label>
        <select
          id="invite-locale"
          className="select"
          value={locale}
          onChange={(e) => setLocale(e.target.value as Locale)}
        >
          {LOCALES.map((option) => (
            <option key={option.code} value={option.code} lang={option.code}>
              {option.name}
            </option>
          ))}
        </select>
      </div>
      <Radios
        name="invite-channel"
        legend={t('members.channelQuestion')}
        error={errorFor('invite-channel')}
        value={channel}
        onChange={setChannel}
        options={[
          { value: 'email', label: t('auth.channelEmail') },
          { value: 'sms', label: t('auth.channelSms') },
        ]}
      />
      {channel ? (
        <TextField
          id="invite-address"
          type={channel === 'email' ? 'email' : 'tel'}
          label={channel === 'email' ? t('members.email') : t('members.phone')}
          hint={channel === 'sms' ? t('auth.phoneHint') : undefined}
          error={errorFor('invite-address')}
          value={address}
          autoComplete="off"
          onChange={(e) => setAddress(e.target.value)}
        />
      ) : null}
      <button type="submit" className="button" disabled={invite.isPending}>
        {t('members.send')}
      </button>
    </form>
  );
}

export function MembersPage({ municipalityId: fromPath }: { municipalityId?: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { activeMembership } = useAuth();
  const role = activeMembership?.role;
  const municipalityId = fromPath ?? (role === 'municipality' ? activeMembership?.municipalityId : undefined);
  const name = useMunicipalityName(municipalityId);
  const members = useMembers(municipalityId);
  const [chosen, setChosen] = useState('');
  usePageTitle(t('members.title'));
  if (!municipalityId) {
    return (
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (chosen.trim()) void navigate(`/members/${encodeURIComponent(chosen.trim())}`);
        }}
      >
        <PageHeading>{t('members.title')}</PageHeading>
        <TextField
          id="members-municipality"
          label={t('members.which')}
          hint={t('start.municipalityHint')}
          value={chosen}
          autoComplete="off"
          list="members-municipality-choices"
          onChange={(e) => setChosen(e.target.value)}
        />
        <MunicipalityChoices id="members-municipality-choices" />
        <button type="submit" className="button">
          {t('common.continue')}
        </button>
      </form>
    );
  }
  const invitable: Invitation['role'][] = role === 'coordinator' ? ['municipality', 'cag'] : ['cag'];
  return (
    <>
      <PageHeading caption={name}>{t('members.title')}</PageHeading>
      <p>{t('members.intro')}</p>
      {members.isPending ? <Loading /> : null}
      {members.error ? <QueryError error={members.error} onRetry={() => void members.refetch()} /> : null}
      {members.data ? (
        <TableWrap label={t('members.title')}>
          <table>
            <caption className="visually-hidden">{t('members.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('members.name')}</th>
                <th scope="col">{t('members.role')}</th>
                <th scope="col">{t('members.reachedBy')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('portfolio.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.data.items.map((member) => (
                <MemberRow
                  key={member.membershipId}
                  member={member}
                  municipalityId={municipalityId}
                  canRemove={role === 'coordinator' || member.role === 'cag'}
                />
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : null}
      <h2>{t('members.inviteTitle')}</h2>
      <p>{t('members.inviteIntro')}</p>
      <InviteForm municipalityId={municipalityId} roles={invitable} />
    </>
  );
}
