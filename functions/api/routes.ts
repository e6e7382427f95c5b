import type { RouteSpec } from '../shared/http.ts';
import { handler as cancelCycle } from './cancel-cycle.ts';
import { handler as completeTask } from './complete-task.ts';
import { handler as deleteContacts } from './delete-contacts.ts';
import { handler as extendTask } from './extend-task.ts';
import { handler as getCalendar } from './get-calendar.ts';
import { handler as getCycle } from './get-cycle.ts';
import { handler as getMunicipality } from './get-municipality.ts';
import { handler as getTask } from './get-task.ts';
import { handler as listCycles } from './list-cycles.ts';
import { handler as listTasks } from './list-tasks.ts';
import { handler as putMunicipality } from './put-municipality.ts';
import { handler as startCycle } from './start-cycle.ts';

/** One API route: API Gateway's route key, the handler, and its source file (one Lambda function each). */
export interface ApiRoute {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  name: string;
  entry: string;
  handler: (event: never, context: never) => Promise<unknown>;
  spec: RouteSpec<unknown, unknown, unknown>;
}

const api = (
  method: ApiRoute['method'],
  path: string,
  name: string,
  handler: { spec: RouteSpec<unknown, unknown, unknown> },
): ApiRoute => ({
  method,
  path,
  name,
  entry: `functions/api/${name}.ts`,
  handler: handler as unknown as ApiRoute['handler'],
  spec: handler.spec,
});

/** Every route of the HTTP API, served by API Gateway on AWS and by the local server offline. */
export const apiRoutes: readonly ApiRoute[] = [
  api('POST', '/cycles', 'start-cycle', startCycle),
  api('GET', '/cycles', 'list-cycles', listCycles),
  api('GET', '/cycles/{id}', 'get-cycle', getCycle),
  api('POST', '/cycles/{id}/cancel', 'cancel-cycle', cancelCycle),
  api('GET', '/tasks', 'list-tasks', listTasks),
  api('GET', '/tasks/{id}', 'get-task', getTask),
  api('POST', '/tasks/{id}/complete', 'complete-task', completeTask),
  api('POST', '/tasks/{id}/extend', 'extend-task', extendTask),
  api('PUT', '/municipalities/{id}', 'put-municipality', putMunicipality),
  api('GET', '/municipalities/{id}', 'get-municipality', getMunicipality),
  api('DELETE', '/municipalities/{id}/contacts', 'delete-contacts', deleteContacts),
  api('GET', '/municipalities/{id}/calendar.ics', 'get-calendar', getCalendar),
];
