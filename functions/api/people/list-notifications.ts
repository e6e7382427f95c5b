import * as z from 'zod';
import { listNotifications } from '#shared/domain/usecases/notifications/list-notifications.ts';
import { defineRoute } from '../../shared/api-route.ts';
import { lambdaRoute } from '../../shared/lambda.ts';
import { Paging } from '../params.ts';

/** GET /notifications: your notifications; `?undeliverable=true`: those nobody could receive (coordinators). */
export const route = defineRoute({
  name: 'list-notifications',
  source: import.meta.url,
  method: 'GET',
  path: '/notifications',
  summary: 'Your notifications, newest first (coordinators: `undeliverable=true` for those nobody received)',
  roles: ['coordinator', 'municipality', 'cag'],
  access: { table: 'read' },
  request: {
    query: z.strictObject({
      undeliverable: z
        .enum(['true', 'false'])
        .transform((value) => value === 'true')
        .optional(),
      ...Paging,
    }),
  },
  run: (ports, { caller, query }) => listNotifications(ports, caller, query),
});
export const handler = lambdaRoute(route);
