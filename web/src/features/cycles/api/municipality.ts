import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { useAuth } from '../../../lib/auth.tsx';

/** A municipality's display name: from the membership when it is the reader's own, else from the API. */
export function useMunicipalityName(municipalityId: string | undefined): string {
  const { session } = useAuth();
  const own = session?.memberships.find((m) => m.municipalityId === municipalityId)?.municipalityName;
  const query = useQuery({
    queryKey: ['municipality', municipalityId],
    queryFn: ({ signal }) =>
      api<{ name: string }>('GET', `/municipalities/${encodeURIComponent(municipalityId ?? '')}`, { signal }),
    enabled: Boolean(municipalityId) && !own,
    staleTime: 10 * 60_000,
    retry: false,
  });
  return own ?? query.data?.name ?? municipalityId ?? '';
}
