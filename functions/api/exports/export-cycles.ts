import * as z from 'zod';
import { MunicipalityId } from '#shared/domain/model/ids.ts';
import { exportCycles } from '#shared/domain/usecases/exports/export-cycles.ts';
import { defineRoute, HttpResult } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';

/**
 * GET /exports/{country}/cycles.csv (or cycles.json): the open data of a country's cycles, streamed into a
 * file; the answer is 303 See Other to a short-lived link to it (`curl -L` downloads it), with the counts.
 */
export const route = defineRoute({
  name: 'export-cycles',
  source: import.meta.url,
  family: { name: 'evidence', source: new URL('../evidence.ts', import.meta.url).href },
  method: 'GET',
  path: '/exports/{country}/{file}',
  summary:
    'Open data of cycles (no personal data): cycles.csv or cycles.json, by country, municipality, programme',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'read', files: 'export' },
  request: {
    path: z.object({
      country: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO-3166 alpha-2 code such as "BG"'),
      file: z.enum(['cycles.csv', 'cycles.json']),
    }),
    query: z.strictObject({
      municipalityId: MunicipalityId.optional(),
      programme: z
        .string()
        .regex(/^[a-z][a-z0-9-]{0,63}$/, 'must be a programme (template) id such as "romact"')
        .optional(),
    }),
  },
  status: 303,
  run: async (ports, { caller, path, query }) => {
    const result = await exportCycles(ports, caller, {
      country: path.country,
      format: path.file === 'cycles.csv' ? 'csv' : 'json',
      ...(query.municipalityId ? { municipalityId: query.municipalityId } : {}),
      ...(query.programme ? { programme: query.programme } : {}),
    });
    return new HttpResult(result, { status: 303, headers: { location: result.download.url } });
  },
});
export const handler = lambdaRoute(route);
