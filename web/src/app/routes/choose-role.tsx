import { useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorSummary } from '../../components/ui/error-summary.tsx';
import { Radios } from '../../components/ui/fields.tsx';
import { usePageTitle } from '../../components/ui/page.tsx';
import { useAuth } from '../../lib/auth.tsx';
import { MembershipLabel } from '../layout.tsx';
import { takeReturnPath } from '../require-sign-in.tsx';

/** Choose the active membership: one person may be a coordinator for two countries and CAG member elsewhere. */
export function Component() {
  const { t } = useTranslation();
  const { session, switchMembership } = useAuth();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [choice, setChoice] = useState(session?.activeMembershipId);
  const [error, setError] = useState<string>();
  usePageTitle(t('chooseRole.question'), Boolean(error));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!choice) return setError(t('chooseRole.missing'));
    if (choice !== session?.activeMembershipId) {
      await switchMembership(choice);
      client.clear();
    }
    void navigate(takeReturnPath(), { replace: true });
  };
  return (
    <form onSubmit={submit} noValidate>
      <ErrorSummary problems={error ? [{ message: error, fieldId: 'membership' }] : []} />
      <Radios
        name="membership"
        legendAsHeading
        legend={t('chooseRole.question')}
        hint={t('chooseRole.hint')}
        error={error}
        value={choice}
        onChange={setChoice}
        options={(session?.memberships ?? []).map((membership) => ({
          value: membership.membershipId,
          label: <MembershipLabel membership={membership} />,
        }))}
      />
      <button type="submit" className="button">
        {t('common.continue')}
      </button>
    </form>
  );
}
