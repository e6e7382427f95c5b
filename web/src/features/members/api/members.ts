import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import type { Locale, Member } from '../../../lib/api-types.ts';

export function useMembers(municipalityId: string | undefined) {
  return useQuery({
    queryKey: ['members', municipalityId],
    queryFn: ({ signal }) =>
      api<{ items: Member[] }>('GET', `/municipalities/${encodeURIComponent(municipalityId ?? '')}/members`, {
        signal,
      }),
    enabled: Boolean(municipalityId),
  });
}

export interface Invitation {
  role: 'municipality' | 'cag';
  displayName: string;
  locale: Locale;
  channel: 'email' | 'sms';
  address: string;
}

export function useInvite(municipalityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (invitation: Invitation) =>
      api('POST', `/municipalities/${encodeURIComponent(municipalityId)}/invitations`, { body: invitation }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['members', municipalityId] }),
  });
}

export function useRemoveMember(municipalityId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (membershipId: string) => api('DELETE', `/memberships/${encodeURIComponent(membershipId)}`),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['members', municipalityId] }),
  });
}
