import type { LocalConfig } from './config.ts';
import type { LocalRoute } from './http-server.ts';
import { openApiDocument } from './openapi.ts';
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
            planningTime: runtime.deps.clock.now().toISOString(),
            runningExecutions: running,
          },
        };
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
