import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { restrictPorts } from '#functions/shared/access.ts';
import type { ApiRoute } from '#functions/shared/api-route.ts';
import { httpHandler } from '#functions/shared/http-handler.ts';
import { stepHandler } from '#functions/shared/step-handler.ts';
import { stepDefinitions } from '#functions/steps/index.ts';
import { sweepAccess, sweepHandler } from '#functions/sweep/sweep-deadlines.ts';
import { createDynamoStore } from '#shared/adapters/dynamodb/store.ts';
import type { CapacityMeter, WriteUnitCounting } from '#shared/adapters/dynamodb/table.ts';
import { EmailNotifier, type EmailOptions } from '#shared/adapters/local/email-sender.ts';
import { ensurePrivateDir } from '#shared/adapters/local/files.ts';
import {
  type LocalEngineOptions,
  type LocalMachineVersion,
  LocalWorkflowEngine,
  type TaskStateBinding,
} from '#shared/adapters/local/local-workflow-engine.ts';
import { OutboxNotifier } from '#shared/adapters/local/outbox-notifier.ts';
import { localTokenIssuer } from '#shared/adapters/local/tokens.ts';
import type { WebhookOptions } from '#shared/adapters/local/webhook-sender.ts';
import { createMemoryStore } from '#shared/adapters/memory/store.ts';
import { MemoryUserDirectory } from '#shared/adapters/memory/user-directory.ts';
import { type Clock, systemClock } from '#shared/domain/clock.ts';
import { liveStatuses } from '#shared/domain/model/cycle.ts';
import type { CycleTemplate } from '#shared/domain/model/template.ts';
import type { Ports, StorePorts, TemplateCatalog } from '#shared/domain/ports.ts';
import { compileTemplate } from '#workflows/compile/compile-template.ts';
import { listTaskStates } from '#workflows/compile/task-states.ts';
import { catalogOf } from '#workflows/templates/catalog.ts';
import { builtInCatalog } from '#workflows/templates/index.ts';
import { startEmbeddedDynamo } from './dynamodb-server.ts';

/**
 * The local wiring: dynalite (or the in-memory store), the local workflow engine running every template's
 * compiled ASL with each Task state bound to the same step handler Lambda runs, the outbox, and the clock.
 * This and the Lambda entry are the only two places that wire ports; the HTTP server, the sweeper timer, the
 * benchmark and the tests all run on what this returns.
 */

/** Options of the embedded runtime. */
export interface LocalRuntimeOptions {
  /** Where dynalite keeps its data; omit for an in-memory dynalite. */
  dataDir?: string;
  /** `memory` runs on the in-memory store instead of dynalite (fast domain tests). */
  store?: 'dynalite' | 'memory';
  tableName?: string;
  clock?: Clock;
  meter?: CapacityMeter;
  onInvoke?: LocalEngineOptions['onInvoke'];
  /** Also POST every notification to a webhook (signed, retried for hours, resumed after a restart). */
  webhook?: WebhookOptions;
  /** Also send the email channel's messages through this SMTP server (ROMACT_SMTP_URL, ROMACT_SMTP_FROM). */
  smtp?: Omit<EmailOptions, 'log'>;
  /** Print a line per notification (the server log). */
  log?: (line: string) => void;
  /** The countries this runtime serves (municipalities of others are refused). */
  countries?: readonly string[];
  /** Shards of the sweep index (ROMACT_SWEEP_SHARDS; default 4). */
  sweepShards?: number;
  /** Signs the access tokens of local sign-in (the server's secret); a random one when not given. */
  secret?: Uint8Array;
  /** Where people open the web app (links in messages). */
  publicUrl?: string;
  /** The template versions this runtime knows (default: the built-in ones); the newest of each is live. */
  templates?: readonly CycleTemplate[];
}

/** The countries the local runtime serves unless told otherwise: the ROMACT programme's. */
export const DEFAULT_LOCAL_COUNTRIES = ['BG', 'CZ', 'HU', 'IT', 'RO', 'SK'] as const;

/** A running embedded runtime. */
export interface LocalRuntime {
  ports: Ports;
  engine: LocalWorkflowEngine;
  outbox: OutboxNotifier;
  /** Real email through SMTP, when configured (it wraps the outbox). */
  email?: EmailNotifier;
  /** The DynamoDB client of the embedded table (absent on the in-memory store). */
  dynamo?: { client: DynamoDBClient; tableName: string; endpoint: string; writeUnits: WriteUnitCounting };
  /** A route's handler on this runtime's ports, restricted to what the route declares. */
  routeHandler(route: ApiRoute): (event: unknown, context: unknown) => Promise<unknown>;
  /** Runs one deadline sweep, as the scheduled Lambda would. */
  sweep(): Promise<unknown>;
  /** Restarts the workflow of every live cycle at its current phase (after a restart of the process). */
  resumeLiveCycles(): Promise<string[]>;
  /**
   * Deploys a new template version, as `cdk deploy` publishes a state machine version and moves its `live`
   * alias: new cycles start on it, running cycles keep theirs (also across a chain).
   */
  deploy(template: CycleTemplate): void;
  close(): Promise<void>;
}

/** A Lambda context for local invocations (the logger reads its request id). */
function localContext(functionName: string) {
  return {
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: crypto.randomUUID(),
    logGroupName: `/local/${functionName}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => 30_000,
  };
}

/** Boots the store and the local engine, and wires every handler to them. */
export async function startLocalRuntime(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  const tableName = options.tableName ?? 'romact';
  let dynamo: Awaited<ReturnType<typeof startEmbeddedDynamo>> | undefined;
  let store: StorePorts;
  if (options.store === 'memory') {
    store = createMemoryStore();
  } else {
    let path: string | undefined;
    if (options.dataDir) {
      path = join(options.dataDir, 'dynamodb');
      // Owner-only: dynalite's LevelDB files hold personal data.
      ensurePrivateDir(path);
    }
    dynamo = await startEmbeddedDynamo({ tableName, ...(path ? { path } : {}) });
    store = createDynamoStore(dynamo.client, {
      tableName,
      writeUnits: dynamo.writeUnits,
      ...(options.sweepShards ? { sweepShards: options.sweepShards } : {}),
      ...(options.meter ? { meter: options.meter } : {}),
    });
  }
  const clock = options.clock ?? systemClock;
  const outbox = new OutboxNotifier({
    ...(options.dataDir ? { dir: join(options.dataDir, 'outbox') } : {}),
    ...(options.webhook ? { webhook: options.webhook } : {}),
    ...(options.log ? { log: options.log } : {}),
  });

  const email = options.smtp
    ? new EmailNotifier(outbox, { ...options.smtp, ...(options.log ? { log: options.log } : {}) })
    : undefined;

  // The engine calls the step handlers, and the handlers use the engine: the ports are read when a step runs.
  let ports: Ports | undefined;
  const portsNow = () => {
    if (!ports) throw new Error('The local runtime is not wired yet');
    return ports;
  };
  let catalog = catalogOf(options.templates ?? builtInCatalog.versions);
  const templates: TemplateCatalog = {
    get: (id, version) => catalog.get(id, version),
    list: () => catalog.list(),
  };
  const stepPorts = new Map<string, Ports>();
  const portsOfStep = (step: keyof typeof stepDefinitions) => () => {
    let restricted = stepPorts.get(step);
    if (!restricted) {
      restricted = restrictPorts(portsNow(), stepDefinitions[step].access, step);
      stepPorts.set(step, restricted);
    }
    return restricted;
  };
  const stepHandlers = Object.fromEntries(
    (Object.keys(stepDefinitions) as (keyof typeof stepDefinitions)[]).map((step) => [
      step,
      stepHandler(stepDefinitions[step] as never, portsOfStep(step)),
    ]),
  );
  // Every known version is published, as on AWS where the versions of earlier deploys are kept.
  const machineVersion = (template: CycleTemplate): LocalMachineVersion => {
    const definition = compileTemplate(template);
    return {
      templateId: template.id,
      version: template.version,
      definition: definition as never,
      bindings: listTaskStates(definition).map(
        (binding): TaskStateBinding => ({ ...binding, handler: stepHandlers[binding.step] as never }),
      ),
    };
  };
  const engine = new LocalWorkflowEngine({
    versions: catalog.versions.map(machineVersion),
    now: () => clock.now(),
    // Timers (a task's wait, an execution's one-year limit) run in real time: a demo clock shortens them.
    timerMs: (ms: number) => clock.timerMs(ms),
    ...(options.onInvoke ? { onInvoke: options.onInvoke } : {}),
  });
  const settings = {
    countries: options.countries ?? DEFAULT_LOCAL_COUNTRIES,
    publicUrl: (options.publicUrl ?? 'http://127.0.0.1:3000').replace(/\/$/, ''),
  };
  const tokens = localTokenIssuer(options.secret ?? new Uint8Array(randomBytes(32)));
  const wired: Ports = {
    ...store,
    engine,
    notifier: email ?? outbox,
    clock,
    templates,
    settings,
    tokens,
    // The local sign-in is the store's (`/auth/*`); the directory keeps Cognito's rules and the access
    // declarations honest (a route that creates people without declaring `directory` fails here).
    directory: new MemoryUserDirectory(),
  };
  ports = wired;

  const routeHandlers = new Map<string, ReturnType<typeof httpHandler>>();
  const sweep = sweepHandler(() => restrictPorts(wired, sweepAccess, 'sweep'));

  return {
    ports: wired,
    engine,
    outbox,
    ...(email ? { email } : {}),
    ...(dynamo
      ? {
          dynamo: {
            client: dynamo.client,
            tableName,
            endpoint: dynamo.endpoint,
            writeUnits: dynamo.writeUnits,
          },
        }
      : {}),
    routeHandler(route) {
      let handler = routeHandlers.get(route.name);
      if (!handler) {
        const restricted = restrictPorts(wired, route.access, route.name);
        handler = httpHandler(route, () => restricted);
        routeHandlers.set(route.name, handler);
      }
      const found = handler;
      return (event) => found(event as never, localContext(route.name) as never);
    },
    sweep: () => sweep({}, localContext('sweep') as never),
    async resumeLiveCycles() {
      const resumed: string[] = [];
      for (const status of liveStatuses) {
        let cursor: string | undefined;
        do {
          const page = await wired.cycles.listByCountries(settings.countries, {
            status,
            limit: 100,
            ...(cursor ? { cursor } : {}),
          });
          for (const cycle of page.items) {
            const restarts = engine
              .list()
              .filter((execution) => execution.input.cycleId === cycle.cycleId).length;
            // On the version the cycle runs: a restart is no deploy.
            await engine.continueOn(
              cycle.templateId,
              cycle.stateMachineVersion,
              `${cycle.executionName}-resume-${Date.now()}-${restarts}`,
              { cycleId: cycle.cycleId, revision: { count: cycle.revision }, resumeAt: cycle.currentPhase },
            );
            resumed.push(cycle.cycleId);
          }
          cursor = page.nextCursor;
        } while (cursor);
      }
      return resumed;
    },
    deploy(template) {
      catalog = catalogOf([...catalog.versions, template]);
      engine.publish(machineVersion(template));
    },
    async close() {
      await engine.stopAll();
      // Stops the webhook's retries; undelivered posts stay queued on disk for the next start.
      await email?.close();
      await outbox.close();
      await dynamo?.close();
    },
  };
}
