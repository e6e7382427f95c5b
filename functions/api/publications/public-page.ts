import * as z from 'zod';
import { NotFoundError } from '#shared/domain/errors.ts';
import { MunicipalityId } from '#shared/domain/model/ids.ts';
import { publicPage } from '#shared/domain/usecases/publications/public-page.ts';
import { defineRoute, HttpResult, RawBody } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';
import { pageLocale, renderNotPublished, renderPublicPage } from './render-public-page.ts';

const HTML = 'text/html; charset=utf-8';
/** The page runs no script and loads nothing: its own inline style is all it needs. */
const PAGE_HEADERS = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'",
  'referrer-policy': 'no-referrer',
};

/** GET /p/{id}: a municipality's public page (no sign-in), while the municipality and its CAG both consent. */
export const route = defineRoute({
  name: 'public-page',
  source: import.meta.url,
  family: { name: 'public', source: new URL('../public.ts', import.meta.url).href },
  method: 'GET',
  path: '/p/{id}',
  summary: 'A municipality’s public page (HTML, no personal data), published by joint consent',
  roles: ['coordinator', 'municipality', 'cag'],
  auth: 'none',
  access: { table: 'read' },
  request: {
    path: z.object({ id: MunicipalityId }),
    query: z.strictObject({ lang: z.enum(['en', 'bg', 'hu', 'it', 'ro', 'sk']).optional() }),
  },
  run: async (ports, { path, query }) => {
    try {
      const page = await publicPage(ports, path.id);
      return new HttpResult(new RawBody(renderPublicPage(page, pageLocale(page, query.lang)), HTML), {
        headers: PAGE_HEADERS,
      });
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      return new HttpResult(new RawBody(renderNotPublished(query.lang), HTML), {
        status: 404,
        headers: PAGE_HEADERS,
      });
    }
  },
});
export const handler = lambdaRoute(route);
