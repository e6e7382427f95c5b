import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import type { Me } from '../../../lib/api-types.ts';
import { useAuth } from '../../../lib/auth.tsx';

export function useMe() {
  return useQuery({ queryKey: ['me'], queryFn: ({ signal }) => api<Me>('GET', '/me', { signal }) });
}

/** PATCH /me: its answer is the person as GET /me shows them, so the page shows what was stored. */
export function useUpdateMe() {
  const { updateMe } = useAuth();
  const client = useQueryClient();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: (me) => client.setQueryData(['me'], me),
  });
}

/** The personal calendar link: secret, so it is shown on request and can be replaced. */
export function useCalendarLink() {
  return useQuery({
    queryKey: ['me', 'calendar'],
    queryFn: ({ signal }) => api<{ url: string }>('GET', '/me/calendar', { signal }),
  });
}

export function useRotateCalendarLink() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ url: string }>('POST', '/me/calendar/rotate'),
    onSuccess: (link) => client.setQueryData(['me', 'calendar'], link),
  });
}
