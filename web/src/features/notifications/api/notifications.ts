import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import type { Notification } from '../../../lib/api-types.ts';

export function useNotifications() {
  return useQuery({
    queryKey: ['notifications'],
    queryFn: ({ signal }) => api<{ items: Notification[] }>('GET', '/notifications', { signal }),
  });
}
