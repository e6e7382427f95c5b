import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import type { Cycle, CycleDetail, Page } from '../../../lib/api-types.ts';

export function useCycle(cycleId: string | undefined) {
  return useQuery({
    queryKey: ['cycle', cycleId],
    queryFn: ({ signal }) =>
      api<CycleDetail>('GET', `/cycles/${encodeURIComponent(cycleId ?? '')}`, { signal }),
    enabled: Boolean(cycleId),
  });
}

export function useCycles(query: { municipalityId?: string; status?: string } = {}) {
  return useQuery({
    queryKey: ['cycles', query],
    queryFn: ({ signal }) => api<Page<Cycle>>('GET', '/cycles', { query: { ...query, limit: 50 }, signal }),
  });
}

export function useStartCycle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      municipalityId: string;
      templateId?: string;
      dates?: Record<string, string>;
      clientToken: string;
    }) => api<Cycle>('POST', '/cycles', { body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['cycles'] });
      void client.invalidateQueries({ queryKey: ['portfolio'] });
    },
  });
}

export function useCancelCycle() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ cycleId, reason }: { cycleId: string; reason: string }) =>
      api<Cycle>('POST', `/cycles/${encodeURIComponent(cycleId)}/cancel`, { body: { reason } }),
    onSuccess: (cycle) => {
      void client.invalidateQueries({ queryKey: ['cycle', cycle.cycleId] });
      void client.invalidateQueries({ queryKey: ['cycles'] });
      void client.invalidateQueries({ queryKey: ['portfolio'] });
      void client.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}
