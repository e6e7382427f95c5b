import * as z from 'zod';
import { CycleStatus } from '#shared/domain/model/cycle.ts';
import { MunicipalityId } from '#shared/domain/model/ids.ts';
import { listCycles } from '#shared/domain/usecases/cycles/list-cycles.ts';
import { defineRoute } from '../shared/api-route.ts';
import { lambdaRoute } from '../shared/lambda.ts';
import { CountryQuery, Paging } from './params.ts';

/** Query of `GET /cycles`. */
export const ListCyclesQuery = z.strictObject({
  municipalityId: MunicipalityId.optional(),
  country: CountryQuery,
  status: CycleStatus.optional(),
  ...Paging,
});

/** GET /cycles?municipalityId=&country=&status=: the cycles the caller may see. */
export const route = defineRoute({
  name: 'list-cycles',
  source: import.meta.url,
  method: 'GET',
  path: '/cycles',
  summary: 'List the cycles the caller may see',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'read' },
  request: { query: ListCyclesQuery },
  run: (ports, { caller, query }) => listCycles(ports, caller, query),
});
export const handler = lambdaRoute(route);
