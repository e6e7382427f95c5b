import { join } from 'node:path';
import { useDependencies } from '#functions/shared/dependencies.ts';
import { stepHandlers } from '#functions/steps/index.ts';
import { DynamoStore, documentClient } from '#shared/adapters/aws/dynamodb-store.ts';
import { ensurePrivateDir } from '#shared/adapters/local/files.ts';
import {
  type LocalEngineOptions,
  LocalWorkflowEngine,
} from '#shared/adapters/local/local-workflow-engine.ts';
import { OutboxNotifier } from '#shared/adapters/local/outbox-notifier.ts';
import type { WebhookOptions } from '#shared/adapters/local/webhook-sender.ts';
import { type Clock, systemClock } from '#shared/domain/clock.ts';
import { liveStatuses } from '#shared/domain/entities.ts';
import type { CapacityMeter, Dependencies } from '#shared/domain/ports.ts';
import { compileTemplate } from '#workflows/compile-asl.ts';
import { builtInTemplates, findTemplate } from '#workflows/templates/index.ts';
import { startEmbeddedDynamo } from './dynamodb-server.ts';

/**
 * The embedded runtime: dynalite, the local workflow engine running every template's compiled ASL, and the
 * ports the handlers use, wired in one place. The HTTP server and the sweeper timer sit on top of it.
 */

/**
 * aws-local-stepfunctions waits with setTimeout, which cannot hold more than 2^31-1 ms (about 24.8 days).
 * Timers are capped below that; a longer deadline simply waits again.
 */
export const LOCAL_MAX_TIMER_SECONDS = 24 * 24 * 3600;

/** Options of the embedded runtime. */
export interface LocalRuntimeOptions {
  /** Where dynalite keeps its data; omit for an in-memory store. */
  dataDir?: string;
  tableName?: string;
  clock?: Clock;
  meter?: CapacityMeter;
  onInvoke?: LocalEngineOptions['onInvoke'];
  /** Also POST every notification to a webhook (signed, retried for hours, resumed after a restart). */
  webhook?: WebhookOptions;
  /** Print a line per notification (the server log). */
  log?: (line: string) => void;
}

/** A running embedded runtime. */
export interface LocalRuntime {
  deps: Dependencies;
  engine: LocalWorkflowEngine;
  store: DynamoStore;
  outbox: OutboxNotifier;
  dynamoEndpoint: string;
  /** Restarts the workflow of every live cycle at its current phase (after a restart of the process). */
  resumeLiveCycles(): Promise<string[]>;
  close(): Promise<void>;
}

/** Boots dynalite and the local engine, and installs the ports for the handlers. */
export async function startLocalRuntime(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  const tableName = options.tableName ?? 'romact';
  let path: string | undefined;
  if (options.dataDir) {
    path = join(options.dataDir, 'dynamodb');
    // Owner-only: dynalite's LevelDB files hold personal data.
    ensurePrivateDir(path);
  }
  const dynamo = await startEmbeddedDynamo({ tableName, ...(path ? { path } : {}) });
  const clock = options.clock ?? systemClock;
  const store = new DynamoStore(documentClient(dynamo.client), {
    tableName,
    ...(options.meter ? { meter: options.meter } : {}),
  });
  const engine = new LocalWorkflowEngine({
    definitions: Object.fromEntries(
      [...builtInTemplates.values()].map((template) => [template.id, compileTemplate(template)]),
    ),
    handlers: stepHandlers,
    now: () => clock.now(),
    ...(options.onInvoke ? { onInvoke: options.onInvoke } : {}),
  });
  const outbox = new OutboxNotifier({
    ...(options.dataDir ? { dir: join(options.dataDir, 'outbox') } : {}),
    ...(options.webhook ? { webhook: options.webhook } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
  const deps: Dependencies = {
    store,
    engine,
    notifier: outbox,
    clock,
    templates: findTemplate,
    maxTimerSeconds: LOCAL_MAX_TIMER_SECONDS,
  };
  useDependencies(deps);

  return {
    deps,
    engine,
    store,
    outbox,
    dynamoEndpoint: dynamo.endpoint,
    async resumeLiveCycles() {
      const resumed: string[] = [];
      const countries = await store.listCountries();
      for (const country of countries) {
        for (const status of liveStatuses) {
          let cursor: string | undefined;
          do {
            const page = await store.listCyclesByCountry(country, status, {
              limit: 100,
              ...(cursor ? { cursor } : {}),
            });
            for (const cycle of page.items) {
              const restarts = engine
                .list()
                .filter((execution) => execution.input.cycleId === cycle.cycleId).length;
              await engine.start(
                cycle.templateId,
                `${cycle.executionName}-resume-${Date.now()}-${restarts}`,
                {
                  cycleId: cycle.cycleId,
                  revision: { count: cycle.revision },
                  resumeAt: cycle.currentPhase,
                },
              );
              resumed.push(cycle.cycleId);
            }
            cursor = page.nextCursor;
          } while (cursor);
        }
      }
      return resumed;
    },
    async close() {
      await engine.stopAll();
      // Stops the webhook's retries; undelivered posts stay queued on disk for the next start.
      await outbox.close();
      useDependencies(undefined);
      await dynamo.close();
    },
  };
}
