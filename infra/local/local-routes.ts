import * as z from 'zod';
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
      // The local outbox: what was emailed or texted (the local stand-in for SES and SNS). A script token (local
      // administration) sees all of it; a person only what was sent to their own addresses.
      method: 'GET',
      path: '/outbox',
      authenticated: true,
      handle: async ({ query, claims }) => {
        const parsed = OutboxQuery.safeParse(query);
        if (!parsed.success) {
          return {
            status: 400,
            body: errorOf('INVALID_INPUT', 'Invalid query', fieldIssues(parsed.error.issues, 'query')),
          };
        }
        let caller: ReturnType<typeof callerFromClaims>;
        try {
          caller = callerFromClaims(claims);
        } catch (error) {
          if (error instanceof DomainError) return { status: 401, body: errorOf(error.code, error.message) };
          throw error;
        }
        const { limit, cursor, ...filter } = parsed.data;
        let own: string[] | undefined;
        if (caller.userId) {
          const user = await runtime.ports.users.get(caller.userId);
          own = user?.channels.map((channel) => channel.address) ?? [];
        } else if (caller.role !== 'coordinator') {
          return { status: 403, body: errorOf('FORBIDDEN', 'Sign in as a person to see your messages') };
        }
        const all = runtime.outbox.list(filter).filter(
          (message) =>
            own?.includes(message.recipient.address) ??
            // A coordinator's script token: its countries' messages, and sign-in codes (no country).
            (caller.role === 'coordinator' &&
              (!message.country || caller.countries.includes(message.country))),
        );
        const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8')) : 0;
        if (!Number.isInteger(start) || start < 0) {
          return {
            status: 400,
            body: errorOf('INVALID_INPUT', 'Invalid cursor', [
              { path: 'cursor', message: 'must be a nextCursor from an earlier page' },
            ]),
          };
        }
        const items = all.slice(start, start + limit);
        const next =
          start + limit < all.length ? Buffer.from(String(start + limit)).toString('base64url') : undefined;
        return { status: 200, body: { items, ...(next ? { nextCursor: next } : {}) } };
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

const OutboxQuery = z.strictObject({
  recipient: z.string().min(1).max(254).optional(),
  cycleId: z.string().min(1).max(64).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(100).optional(),
});

const errorOf = (code: string, message: string, fields: { path: string; message: string }[] = []) => ({
  error: { code, message, fields },
});
