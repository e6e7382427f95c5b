import { route as cancelCycle } from './api/cancel-cycle.ts';
import { route as completeTask } from './api/complete-task.ts';
import { route as eraseContacts } from './api/erase-contacts.ts';
import { route as extendTask } from './api/extend-task.ts';
import { route as getCalendar } from './api/get-calendar.ts';
import { route as getCycle } from './api/get-cycle.ts';
import { route as getMunicipality } from './api/get-municipality.ts';
import { route as getTask } from './api/get-task.ts';
import { route as listCycles } from './api/list-cycles.ts';
import { route as listTasks } from './api/list-tasks.ts';
import { route as putMunicipality } from './api/put-municipality.ts';
import { route as startCycle } from './api/start-cycle.ts';
import type { ApiRoute } from './shared/api-route.ts';

/**
 * Every route of the HTTP API, served by API Gateway on AWS and by the local server offline. The OpenAPI
 * document, the CDK stack's routes and IAM grants, and the authorisation test matrix derive from this list.
 */
export const apiRoutes: readonly ApiRoute[] = [
  startCycle,
  listCycles,
  getCycle,
  cancelCycle,
  listTasks,
  getTask,
  completeTask,
  extendTask,
  putMunicipality,
  getMunicipality,
  eraseContacts,
  getCalendar,
] as unknown as readonly ApiRoute[];

/** The source file of a route's Lambda function. */
export const routeEntry = (route: Pick<ApiRoute, 'name'>) => `functions/api/${route.name}.ts`;
