import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { useAuth } from '../../../lib/auth.tsx';

/**
 * A municipality's display name: the one the API sent with the task, cycle or membership; else the reader's own
 * membership's; else read from the API (a coordinator's members page). Never a bare id once a name is known.
 */
export function useMunicipalityName(municipalityId: string | undefined, known?: string): string {
  const { session } = useAuth();
  const own =
    known ?? session?.memberships.find((m) => m.municipalityId === municipalityId)?.municipalityName;
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
