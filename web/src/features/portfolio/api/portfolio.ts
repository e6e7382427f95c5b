import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import type { Page, PortfolioItem, Task } from '../../../lib/api-types.ts';

/** Filters of the portfolio, kept in the page's address so a view can be shared (ids only, no names). */
export interface PortfolioFilters {
  country?: string;
  municipalityId?: string;
  phase?: string;
  status?: string;
  late?: boolean;
  sort?: string;
  cursor?: string;
}

export function usePortfolio(filters: PortfolioFilters) {
  return useQuery({
    queryKey: ['portfolio', filters],
    queryFn: ({ signal }) =>
      api<Page<PortfolioItem>>('GET', '/portfolio', {
        query: { ...filters, late: filters.late ? 'true' : undefined, limit: 20 },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/** Late tasks across the municipalities the coordinator oversees. */
export function useLateTasks(filters: Pick<PortfolioFilters, 'country' | 'municipalityId' | 'phase'>) {
  return useQuery({
    queryKey: ['tasks', 'portfolio', 'late', filters],
    queryFn: ({ signal }) =>
      api<Page<Task>>('GET', '/tasks', {
        query: { scope: 'portfolio', overdue: 'true', limit: 50, ...filters },
        signal,
      }),
  });
}

/** The municipalities a coordinator oversees (their first 50 by id), to offer their names where one is chosen. */
export function useMunicipalityChoices(enabled = true) {
  return useQuery({
    queryKey: ['portfolio', 'choices'],
    queryFn: async ({ signal }) =>
      (
        await api<Page<PortfolioItem>>('GET', '/portfolio', {
          query: { sort: 'municipality', limit: 50 },
          signal,
        })
      ).items.map((item) => item.municipality),
    enabled,
    staleTime: 5 * 60_000,
  });
}
