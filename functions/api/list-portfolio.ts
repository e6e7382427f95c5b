import * as z from 'zod';
import { CycleStatus } from '#shared/domain/model/cycle.ts';
import { MunicipalityId } from '#shared/domain/model/ids.ts';
import { Key } from '#shared/domain/model/template-parts.ts';
import {
  listPortfolio,
  PORTFOLIO_MAX_LIMIT,
  PORTFOLIO_SORTS,
} from '#shared/domain/usecases/cycles/list-portfolio.ts';
import { defineRoute } from '../shared/api-route.ts';
import { lambdaRoute } from '../shared/lambda.ts';
import { CountryQuery, Paging } from './params.ts';

/** Query of `GET /portfolio`. */
export const PortfolioQuery = z.strictObject({
  country: CountryQuery,
  municipalityId: MunicipalityId.optional(),
  phase: Key.optional(),
  status: CycleStatus.optional(),
  late: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
  sort: z.enum(PORTFOLIO_SORTS).optional(),
  // Fewer items a page than other listings: each item is a few reads (see the use case). Digits only, as Paging.
  limit: z
    .string()
    .regex(/^\d{1,3}$/, `must be a whole number from 1 to ${PORTFOLIO_MAX_LIMIT}`)
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, `must be a whole number from 1 to ${PORTFOLIO_MAX_LIMIT}`)
        .max(PORTFOLIO_MAX_LIMIT, `must be a whole number from 1 to ${PORTFOLIO_MAX_LIMIT}`),
    )
    .default(20),
  cursor: Paging.cursor,
});

/**
 * GET /portfolio?country=&municipalityId=&phase=&status=&late=&sort=: every municipality a coordinator oversees
 * with its current cycle against the plan; stalled and late first unless sorted otherwise.
 */
export const route = defineRoute({
  name: 'list-portfolio',
  source: import.meta.url,
  method: 'GET',
  path: '/portfolio',
  summary: 'A coordinator’s portfolio: each municipality’s current cycle, what is late or stalled first',
  roles: ['coordinator'],
  access: { table: 'read' },
  request: { query: PortfolioQuery },
  run: (ports, { caller, query }) => listPortfolio(ports, caller, query),
});
export const handler = lambdaRoute(route);
