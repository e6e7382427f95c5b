import { randomBytes } from 'node:crypto';
import { NotFoundError } from '../../errors.ts';
import type { Caller } from '../../model/caller.ts';
import type { Cycle } from '../../model/cycle.ts';
import type { Municipality } from '../../model/municipality.ts';
import {
  CSV_HEADER,
  csvLine,
  DEFAULT_OPEN_DATA_LICENCE,
  inProgramme,
  OPEN_DATA_SCHEMA_VERSION,
  openDataOf,
  openDataRows,
} from '../../model/open-data.ts';
import type { Page, Ports, SignedRequest } from '../../ports.ts';

/** How long the link to a finished export is valid. */
export const EXPORT_URL_SECONDS = 15 * 60;
/** Cycles read per page: what the export holds in memory at once, besides one cycle's record. */
export const EXPORT_PAGE_SIZE = 100;

/** What an export covers. */
export interface ExportScope {
  country: string;
  municipalityId?: string;
  programme?: string;
}

/** The export a caller may have: a coordinator their countries, municipal staff and the CAG their own. */
async function scopeFor(
  deps: Pick<Ports, 'municipalities'>,
  caller: Caller,
  request: ExportScope,
): Promise<ExportScope> {
  const refuse = () => new NotFoundError(`No export for ${request.country}`);
  if (caller.role === 'coordinator') {
    if (!caller.countries.includes(request.country)) throw refuse();
    if (request.municipalityId) {
      const municipality = await deps.municipalities.get(request.municipalityId);
      if (municipality?.country !== request.country) throw refuse();
    }
    return request;
  }
  if (request.municipalityId && request.municipalityId !== caller.municipalityId) throw refuse();
  const own = await deps.municipalities.get(caller.municipalityId);
  if (own?.country !== request.country) throw refuse();
  return { ...request, municipalityId: caller.municipalityId };
}

/**
 * The export's text, chunk by chunk, as the cycles are read page by page: never more than a page of cycles
 * and one cycle's record in memory, whatever the number of cycles.
 */
export async function* openDataChunks(
  deps: Pick<Ports, 'cycles' | 'municipalities'>,
  scope: ExportScope,
  format: 'csv' | 'json',
  meta: { licence: string; generatedAt: string; counts?: { cycles: number; rows: number } },
): AsyncGenerator<string> {
  const counts = meta.counts ?? { cycles: 0, rows: 0 };
  const names = new Map<string, Pick<Municipality, 'name' | 'timeZone'>>();
  if (format === 'csv') yield CSV_HEADER;
  else
    yield `{"schemaVersion":${JSON.stringify(OPEN_DATA_SCHEMA_VERSION)},"licence":${JSON.stringify(meta.licence)},"generatedAt":${JSON.stringify(meta.generatedAt)},"scope":${JSON.stringify(scope)},"cycles":[`;
  let cursor: string | undefined;
  do {
    const query = { limit: EXPORT_PAGE_SIZE, ...(cursor ? { cursor } : {}) };
    const page: Page<Cycle> = scope.municipalityId
      ? await deps.cycles.listByMunicipality(scope.municipalityId, query)
      : await deps.cycles.listByCountries([scope.country], query);
    for (const cycle of page.items) {
      if (!inProgramme(cycle, scope.programme)) continue;
      const record = await deps.cycles.record(cycle.cycleId);
      if (!record) continue;
      let municipality = names.get(cycle.municipalityId);
      if (!municipality) {
        const found = await deps.municipalities.get(cycle.municipalityId);
        municipality = { name: found?.name ?? cycle.municipalityId, timeZone: found?.timeZone ?? 'UTC' };
        names.set(cycle.municipalityId, municipality);
      }
      const data = openDataOf(record, municipality);
      if (format === 'csv') {
        const rows = openDataRows(data, meta.licence);
        counts.rows += rows.length;
        yield rows.map(csvLine).join('');
      } else {
        counts.rows += 1;
        yield `${counts.cycles ? ',' : ''}${JSON.stringify(data)}`;
      }
      counts.cycles += 1;
    }
    cursor = page.nextCursor;
  } while (cursor);
  if (format === 'json') yield ']}';
}

/**
 * Exports the cycles of a country (or one municipality, one programme) as open data, streamed into the file
 * store, and returns a short-lived link to it. Nothing personal is in it (model/open-data.ts).
 */
export async function exportCycles(
  deps: Pick<Ports, 'cycles' | 'municipalities' | 'files' | 'clock' | 'settings'>,
  caller: Caller,
  request: ExportScope & { format: 'csv' | 'json' },
): Promise<{ download: SignedRequest; cycles: number; rows: number; bytes: number; licence: string }> {
  const { format, ...asked } = request;
  const scope = await scopeFor(deps, caller, asked);
  const licence = deps.settings.openDataLicence ?? DEFAULT_OPEN_DATA_LICENCE;
  const generatedAt = deps.clock.now().toISOString();
  const counts = { cycles: 0, rows: 0 };
  const key = `exports/${scope.country}/${generatedAt.slice(0, 10)}-${randomBytes(8).toString('hex')}.${format}`;
  const { size } = await deps.files.write(
    key,
    openDataChunks(deps, scope, format, { licence, generatedAt, counts }),
    format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json',
  );
  const name = `romact-${scope.country.toLowerCase()}${scope.municipalityId ? `-${scope.municipalityId}` : ''}${scope.programme ? `-${scope.programme}` : ''}-cycles.${format}`;
  const download = await deps.files.downloadUrl(
    key,
    { name, contentType: format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json' },
    EXPORT_URL_SECONDS,
  );
  return { download, cycles: counts.cycles, rows: counts.rows, bytes: size, licence };
}
