import { z } from 'zod';
import { openApiDocument } from '#functions/openapi.ts';
import { DomainError, fieldIssues } from '#shared/domain/errors.ts';
import { callerFromClaims } from '#shared/domain/model/caller.ts';
import type { LocalConfig } from './config.ts';
import type { LocalRoute } from './http-server.ts';

import type { LocalRuntime } from './runtime.ts';

/** Routes only the local server has: health and the generated OpenAPI document. */
export function localRoutes(runtime: LocalRuntime, config: LocalConfig): LocalRoute[] {
  return [
    {
      method: 'GET',
      path: '/health',
      authenticated: false,
      handle: async () => {
        const running = runtime.engine.list().filter((execution) => execution.status === 'RUNNING').length;
        return {
          status: 200,
          body: {
            status: 'ok',
            planningTime: runtime.ports.clock.now().toISOString(),
            runningExecutions: running,
          },
        };
      },
    },
    {
      // The local outbox: what would have been emailed or texted. Each caller sees only its own tenant's.
      method: 'GET',
      path: '/notifications',
      authenticated: true,
      handle: async ({ query, claims }) => {
        try {
          const caller = callerFromClaims(claims);
          const parsed = NotificationsQuery.safeParse(query);
          if (!parsed.success) {
            return {
              status: 400,
              body: {
                error: {
                  code: 'INVALID_INPUT',
                  message: 'Invalid query',
                  fields: fieldIssues(parsed.error.issues, 'query'),
                },
              },
            };
          }
          const scope =
            caller.role === 'coordinator'
              ? { countries: caller.countries }
              : { municipalityIds: [caller.municipalityId], role: caller.role };
          const items = runtime.outbox.list({ ...parsed.data, ...scope });
          return { status: 200, body: { items } };
        } catch (error) {
          if (error instanceof DomainError)
            return { status: 401, body: { error: { code: error.code, message: error.message, fields: [] } } };
          throw error;
        }
      },
    },
    {
      method: 'GET',
      path: '/openapi.json',
      authenticated: false,
      handle: async () => ({ status: 200, body: openApiDocument(`http://${config.HOST}:${config.PORT}`) }),
    },
  ];
}

const NotificationsQuery = z.strictObject({
  recipient: z.string().min(1).max(254).optional(),
  cycleId: z.string().min(1).max(64).optional(),
});
