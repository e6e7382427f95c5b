import { lambdaRoutes } from '../shared/lambda.ts';
import { route as personalCalendar } from './people/personal-calendar.ts';
import { route as publicPage } from './publications/public-page.ts';

/**
 * The one Lambda function of the routes anyone may call without signing in (a personal calendar URL that
 * carries its own secret, a municipality's public page): both only read the table, so the function is granted
 * nothing else.
 */
export const handler = lambdaRoutes([personalCalendar, publicPage]);
