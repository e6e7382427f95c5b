import { useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import type { Notification, Page } from '../../../lib/api-types.ts';

/** The caller's messages, newest first; `undeliverable`: those nobody could receive (coordinators). */
export function useNotifications(undeliverable = false, enabled = true) {
  return useQuery({
    queryKey: ['notifications', undeliverable],
    queryFn: ({ signal }) =>
      api<Page<Notification>>('GET', '/notifications', {
        query: { ...(undeliverable ? { undeliverable: 'true' } : {}), limit: 50 },
        signal,
      }),
    enabled,
  });
}
