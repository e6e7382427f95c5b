import { type Caller, canSeeTenant } from '../../model/caller.ts';
import type { Cycle, CycleStatus } from '../../model/cycle.ts';
import type { Page, Ports } from '../../ports.ts';

/** What to list: by municipality, or by a coordinator's countries; optionally one status. */
export interface ListCyclesQuery {
  municipalityId?: string | undefined;
  country?: string | undefined;
  status?: CycleStatus | undefined;
  limit: number;
  cursor?: string | undefined;
}

/** Lists the cycles the caller may see: by municipality, or across a coordinator's countries, page by page. */
export async function listCycles(
  deps: Pick<Ports, 'cycles' | 'municipalities'>,
  caller: Caller,
  query: ListCyclesQuery,
): Promise<Page<Cycle>> {
  const paging = {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
    ...(query.status ? { status: query.status } : {}),
  };
  if (caller.role !== 'coordinator') {
    if (query.municipalityId && query.municipalityId !== caller.municipalityId) return { items: [] };
    return deps.cycles.listByMunicipality(caller.municipalityId, paging);
  }
  if (query.municipalityId) {
    const municipality = await deps.municipalities.get(query.municipalityId);
    if (!municipality || !canSeeTenant(caller, municipality)) return { items: [] };
    return deps.cycles.listByMunicipality(query.municipalityId, paging);
  }
  const countries = query.country ? [query.country] : caller.countries;
  if (countries.some((country) => !caller.countries.includes(country))) return { items: [] };
  return deps.cycles.listByCountries(countries, paging);
}
