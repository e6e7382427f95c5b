import '#infra/local/polyfills.ts';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { StateMachine } from 'aws-local-stepfunctions';
import { DYNAMODB_ENDPOINT_VARIABLE, startEmbeddedDynamo } from '#infra/local/dynamodb-server.ts';
import { createHttpServer } from '#infra/local/http-server.ts';
import { startLocalRuntime } from '#infra/local/runtime.ts';
import { createDynamoStore } from '#shared/adapters/dynamodb/store.ts';
import type { CapacityMeter, WriteUnitCounting } from '#shared/adapters/dynamodb/table.ts';
import { DEFAULT_SWEEP_SHARDS } from '#shared/adapters/dynamodb/tasks.ts';
import { mintToken } from '#shared/adapters/local/tokens.ts';
import { manualClock } from '#shared/domain/clock.ts';
import type { Task } from '#shared/domain/model/task.ts';
import { sweepDeadlines } from '#shared/domain/usecases/notifications/sweep-deadlines.ts';
import { startDynamoDbLocal } from '#test/support/dynamodb-local.ts';
import { compileTemplate } from '#workflows/compile/compile-template.ts';
import { listTaskStates } from '#workflows/compile/task-states.ts';
import { exampleOutputs } from '#workflows/templates/examples.ts';
import { builtInCatalog } from '#workflows/templates/index.ts';
import { romactTemplate } from '#workflows/templates/romact.ts';
import { LAMBDA_MEMORY_GB, LAMBDA_MIN_BILLED_MS, regionPrices } from './prices.ts';
import { recordRequests, replayRequests } from './replay.ts';
import { seedOpenTasks } from './seed-open-tasks.ts';

/**
 * The benchmark: N full ROMACT cycles through the HTTP API on the local runtime (dynalite in memory, or AWS's
 * DynamoDB Local), C concurrent clients, a tenth of the cycles with one rejected plan; then sweep scaling and
 * the floors of the local parts, measured in the same run so the ratios compare like with like.
 */

/** The stores the bench runs on. */
export const benchStores = ['dynalite', 'dynamodb-local'] as const;

/** Options of a run. */
export interface BenchOptions {
  cycles: number;
  concurrency: number;
  openTasks: number;
  seed: number;
  /** Where the table lives: dynalite in this process (default), or DynamoDB Local (needs Java). */
  store?: (typeof benchStores)[number];
  /** The sweep shard counts the sweep scaling is measured with (default 1 and 16). */
  sweepShards?: readonly number[];
}

/** How the run counted capacity units, in words for the output. */
function unitsCountedAs(writeUnits: WriteUnitCounting) {
  return {
    write:
      writeUnits === 'computed'
        ? 'computed from the table definition: the item and every index the write touches (dynalite reports only the table)'
        : 'as DynamoDB Local reports them (ReturnConsumedCapacity INDEXES: the item and every index the write touches)',
    read: 'as the store reports them (ReturnConsumedCapacity)',
  };
}

/** A seeded pseudo-random generator (mulberry32): two runs do the same work. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const percentile = (values: number[], p: number) => {
  if (!values.length) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

function meter() {
  const totals = { read: 0, write: 0, calls: 0 };
  const writesByOperation = new Map<string, number>();
  /** Store operations by the repository call that made them: each metered call is one DynamoDB request. */
  const callsByOperation = new Map<string, number>();
  const capacity: CapacityMeter = {
    add(operation, read, write) {
      totals.read += read;
      totals.write += write;
      totals.calls += 1;
      callsByOperation.set(operation, (callsByOperation.get(operation) ?? 0) + 1);
      if (write) writesByOperation.set(operation, (writesByOperation.get(operation) ?? 0) + write);
    },
  };
  return { capacity, totals, writesByOperation, callsByOperation };
}

/** Wakes a cycle's client when the engine did something for that cycle: the client never polls. */
function cycleSignals() {
  const generation = new Map<string, number>();
  const waiters = new Map<string, () => void>();
  const finished = new Set<string>();
  return {
    /** The engine finished a step of `cycleId` (`ended`: the finishCycle step). */
    signal(cycleId: string, ended: boolean) {
      generation.set(cycleId, (generation.get(cycleId) ?? 0) + 1);
      if (ended) finished.add(cycleId);
      const wake = waiters.get(cycleId);
      waiters.delete(cycleId);
      wake?.();
    },
    seen: (cycleId: string) => generation.get(cycleId) ?? 0,
    ended: (cycleId: string) => finished.has(cycleId),
    /** Waits with no signal that ran out (a missed signal costs a second; the output counts them). */
    timedOut: 0,
    /** Resolves once a step of `cycleId` has finished after generation `since` (or after `ms`, a safety net). */
    async after(cycleId: string, since: number, ms: number) {
      if ((generation.get(cycleId) ?? 0) > since) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          this.timedOut += 1;
          resolve();
        }, ms);
        waiters.set(cycleId, () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

/** CPU time of the whole process (every thread: the engine and the store's worker), in milliseconds. */
const cpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1_000;
};
const rssMb = () => round(process.resourceUsage().maxRSS / 1024, 0);

/** Runs a pool of `concurrency` workers over `count` jobs. */
async function pool(count: number, concurrency: number, job: (index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const index = next++;
        await job(index);
      }
    }),
  );
}

async function throughput(options: BenchOptions) {
  const { capacity, totals, writesByOperation, callsByOperation } = meter();
  const invocations: Record<string, number> = {};
  const handlerMs: Record<string, number> = {};
  const signals = cycleSignals();
  const runtime = await startLocalRuntime({
    meter: capacity,
    onInvoke: (step, payload) => {
      invocations[step] = (invocations[step] ?? 0) + 1;
      const started = performance.now();
      const cycleId = (payload as { cycleId?: unknown } | undefined)?.cycleId;
      return () => {
        handlerMs[step] = (handlerMs[step] ?? 0) + performance.now() - started;
        // A task opened (or the cycle ended): its client looks now, as a person notified would.
        if (typeof cycleId === 'string' && (step === 'openTask' || step === 'finishCycle'))
          signals.signal(cycleId, step === 'finishCycle');
      };
    },
  });
  const secret = new Uint8Array(randomBytes(32));
  const server = createHttpServer({ secret, handlerFor: (route) => runtime.routeHandler(route) });
  // The clients wait for the engine between calls: their idle keep-alive connections must outlive a busy
  // event loop, or the server's 5 s close races a reuse (ECONNRESET). API Gateway keeps them far longer.
  server.keepAliveTimeout = 65_000;
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const latencies = { complete: [] as number[], inbox: [] as number[] };
  const apiCalls = { count: 0 };
  const callApi = async (token: string, method: string, path: string, body?: unknown, bucket?: number[]) => {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const json = (await response.json()) as any;
    bucket?.push(performance.now() - started);
    apiCalls.count += 1;
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const coordinator = await mintToken(secret, { role: 'coordinator', countries: 'BG' });
  const next = random(options.seed);
  const withRevision = Array.from({ length: options.cycles }, () => next() < 0.1);
  const cycleIds: string[] = [];

  for (let index = 0; index < options.cycles; index++) {
    await callApi(coordinator, 'PUT', `/municipalities/bench-${index}`, {
      name: `Bench municipality ${index}`,
      country: 'BG',
      locale: 'bg',
      timeZone: 'Europe/Sofia',
      contacts: {
        municipality: [{ email: `m${index}@bench.example` }],
        cag: [{ phone: '+359888000111' }],
        coordinator: [],
      },
    });
  }
  totals.read = 0;
  totals.write = 0;
  totals.calls = 0;
  writesByOperation.clear();
  callsByOperation.clear();
  apiCalls.count = 0;
  const outboxBefore = runtime.outbox.list().length;
  if (!runtime.dynamo) throw new Error('The bench runs on a DynamoDB store');
  const recorded = recordRequests(runtime.dynamo.client);

  const started = performance.now();
  const cpuStarted = cpuMs();
  await pool(options.cycles, options.concurrency, async (index) => {
    const municipalityId = `bench-${index}`;
    const tokens = {
      municipality: await mintToken(secret, { role: 'municipality', municipality: municipalityId }),
      cag: await mintToken(secret, { role: 'cag', municipality: municipalityId }),
    };
    const cycle = await callApi(coordinator, 'POST', '/cycles', {
      municipalityId,
      clientToken: `bench-${index}`,
    });
    cycleIds[index] = cycle.cycleId;
    let rejected = !withRevision[index];
    for (let guard = 0; guard < 2_000; guard++) {
      // Wait for the engine to open a task or end the cycle; then look, as a person notified would.
      const seen = signals.seen(cycle.cycleId);
      for (const role of ['municipality', 'cag'] as const) {
        const inbox = await callApi(tokens[role], 'GET', '/tasks', undefined, latencies.inbox);
        for (const task of inbox.items as Task[]) {
          let body: unknown;
          if (task.output === 'approval-decision') {
            body = !rejected && role === 'municipality' ? exampleOutputs.reject : exampleOutputs.approve;
            if (body === exampleOutputs.reject) rejected = true;
          } else if (task.taskKey === 'monitoring-report') body = exampleOutputs.close;
          else body = exampleOutputs[task.taskKey as keyof typeof exampleOutputs];
          await callApi(tokens[role], 'POST', `/tasks/${task.taskId}/complete`, body, latencies.complete);
        }
      }
      if (signals.ended(cycle.cycleId)) {
        const state = await callApi(coordinator, 'GET', `/cycles/${cycle.cycleId}`);
        if (
          state.status === 'COMPLETED' &&
          state.audit.some((event: { type: string }) => event.type === 'cycle.finished')
        )
          return;
      }
      // Whether or not it completed something, the next task comes from the engine: wait for its signal.
      await signals.after(cycle.cycleId, seen, 1_000);
    }
    throw new Error(`Cycle ${cycle.cycleId} did not finish`);
  });
  const wallMs = performance.now() - started;
  const cpuUsedMs = cpuMs() - cpuStarted;
  await runtime.engine.settled();
  recorded.stop();
  const throughputRssMb = rssMb();

  const executions = runtime.engine.list();
  const transitionsByPath = { plain: new Set<number>(), revised: new Set<number>() };
  let transitions = 0;
  for (const [index, cycleId] of cycleIds.entries()) {
    const execution = executions.find((one) => one.input.cycleId === cycleId);
    const count = execution?.history.length ?? 0;
    transitions += count;
    transitionsByPath[withRevision[index] ? 'revised' : 'plain'].add(count);
  }
  const sentMessages = runtime.outbox.list().slice(outboxBefore);
  const notifications = sentMessages.length;
  const sms = sentMessages.filter((message) => message.channel === 'sms').length;
  const result = {
    cycles: options.cycles,
    revisedCycles: withRevision.filter(Boolean).length,
    wallMs: round(wallMs, 0),
    cyclesPerSecond: round(options.cycles / (wallMs / 1_000)),
    /** CPU time of every thread per cycle: steadier than wall time on a shared machine. */
    cpuMsPerCycle: round(cpuUsedMs / options.cycles),
    /** Cores busy on average during the run. */
    coresUsed: round(cpuUsedMs / wallMs),
    peakRssMb: throughputRssMb,
    clientWaitsTimedOut: signals.timedOut,
    latencyMs: {
      complete: {
        p50: round(percentile(latencies.complete, 50)),
        p95: round(percentile(latencies.complete, 95)),
        p99: round(percentile(latencies.complete, 99)),
        samples: latencies.complete.length,
      },
      inbox: {
        p50: round(percentile(latencies.inbox, 50)),
        p95: round(percentile(latencies.inbox, 95)),
        p99: round(percentile(latencies.inbox, 99)),
        samples: latencies.inbox.length,
      },
    },
    perCycle: {
      stateTransitions: round(transitions / options.cycles),
      transitionsByPath: { plain: [...transitionsByPath.plain], revised: [...transitionsByPath.revised] },
      lambdaInvocations: Object.fromEntries(
        Object.entries(invocations).map(([step, count]) => [step, round(count / options.cycles)]),
      ),
      stepLambdaInvocations: round(Object.values(invocations).reduce((a, b) => a + b, 0) / options.cycles),
      /** The bench clients' own calls (inbox reads, completions, the start and one final read). */
      apiCalls: round(apiCalls.count / options.cycles),
      /** DynamoDB requests the engine made (every metered store call), and by repository call. */
      storeOperations: round(totals.calls / options.cycles),
      storeOperationsByCall: Object.fromEntries(
        [...callsByOperation.entries()]
          .sort(([, a], [, b]) => b - a)
          .map(([operation, count]) => [operation, round(count / options.cycles)]),
      ),
      readUnits: round(totals.read / options.cycles),
      writeUnits: round(totals.write / options.cycles),
      writeUnitsByOperation: Object.fromEntries(
        [...writesByOperation.entries()]
          .sort(([, a], [, b]) => b - a)
          .map(([operation, units]) => [operation, round(units / options.cycles)]),
      ),
      notifications: round(notifications / options.cycles),
      notificationsByChannel: {
        email: round((notifications - sms) / options.cycles),
        sms: round(sms / options.cycles),
      },
      stepHandlerMs: round(Object.values(handlerMs).reduce((a, b) => a + b, 0) / options.cycles),
    },
  };
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  // Floor (a): the same requests on the same store, same concurrency, now that the engine is idle.
  const replay = await replayRequests(runtime.dynamo.client, recorded.requests, options.concurrency);
  const writeUnits = runtime.dynamo.writeUnits;
  await runtime.close();
  return {
    ...result,
    replay,
    writeUnits,
    apiHandlerMs: round(
      [...latencies.complete, ...latencies.inbox].reduce((a, b) => a + b, 0) / options.cycles,
    ),
  };
}

/** Items read, queries and time of one sweep with `openTasks` open tasks in `shards` sweep shards, 10 due. */
async function sweepAt(openTasks: number, shards: number) {
  const { capacity, totals } = meter();
  const queries = { count: 0 };
  const counting: CapacityMeter = {
    add(operation, read, write) {
      capacity.add(operation, read, write);
      if (operation === 'listOpenTasksDueBy') queries.count += 1;
    },
  };
  const dynamo = await startEmbeddedDynamo({ tableName: 'sweep' });
  const store = createDynamoStore(dynamo.client, {
    tableName: 'sweep',
    meter: counting,
    writeUnits: dynamo.writeUnits,
    sweepShards: shards,
  });
  const clock = manualClock(new Date('2027-01-04T09:00:00.000Z'));
  await seedOpenTasks(store.tasks, {
    count: openTasks,
    due: 10,
    municipalityId: 'bench-sweep',
    now: clock.now().toISOString(),
  });
  await store.municipalities.create({
    municipalityId: 'bench-sweep',
    name: 'Sweep',
    country: 'BG',
    locale: 'bg',
    timeZone: 'Europe/Sofia',
    contacts: { municipality: [{ email: 'sweep@bench.example' }], cag: [], coordinator: [] },
    updatedAt: '2027-01-01T00:00:00.000Z',
    version: 1,
  });
  totals.read = 0;
  queries.count = 0;
  const { OutboxNotifier } = await import('#shared/adapters/local/outbox-notifier.ts');
  // The sweep alone: no workflow runs here, so the engine answers nothing (no entry on anyone's behalf waits).
  const engine = {
    maxWaitSeconds: 1,
    start: async () => ({ executionId: 'none', version: 'none', startedAt: clock.now().toISOString() }),
    continueOn: async () => ({ executionId: 'none', version: 'none', startedAt: clock.now().toISOString() }),
    sendTaskSuccess: async () => {},
    stop: async () => {},
  };
  const deps = {
    ...store,
    engine,
    notifier: new OutboxNotifier(),
    clock,
    templates: builtInCatalog,
    settings: { countries: ['BG'], publicUrl: 'http://127.0.0.1:3000' },
  };
  const started = performance.now();
  const report = await sweepDeadlines(deps);
  const ms = performance.now() - started;
  await dynamo.close();
  return {
    openTasks,
    shards,
    due: report.tasksRead,
    queries: queries.count,
    readUnits: round(totals.read, 1),
    sweepMs: round(ms, 1),
  };
}

/** Floor (b): the same compiled ASL on aws-local-stepfunctions with no-op tasks (humans answer at once). */
async function interpreterFloor(cycles: number, concurrency: number, withRevision: boolean[]) {
  const definition = compileTemplate(romactTemplate);
  const machine = new StateMachine(definition as never, {
    validationOptions: { checkArn: false, checkPaths: false },
  });
  const started = performance.now();
  await pool(cycles, concurrency, async (index) => {
    let rejected = !withRevision[index];
    const handlers: Record<string, (input: any) => Promise<unknown>> = {};
    for (const binding of listTaskStates(definition)) {
      handlers[binding.stateName] = async (input) => {
        if (binding.waitForToken) {
          const key = input.Payload.taskKey as string;
          if (key === 'council-decision' && !rejected) {
            rejected = true;
            return { decision: 'reject' };
          }
          return { decision: 'approve', outcome: 'close' };
        }
        if (binding.step === 'phaseStarted') {
          const phase = romactTemplate.phases.find((one) => one.key === input.Payload.phase);
          return {
            Payload: {
              tasks: (phase?.tasks ?? []).map((task) => ({
                taskId: `${input.Payload.cycleId}.${task.key}.r${input.Payload.revision}`,
                cycleId: input.Payload.cycleId,
                phase: input.Payload.phase,
                taskKey: task.key,
                revision: input.Payload.revision,
                kind: 'task',
                dueAt: '2027-01-01T00:00:00.000Z',
                hardStopAt: '2027-02-01T00:00:00.000Z',
                timeoutSeconds: 3600,
              })),
            },
          };
        }
        if (binding.step === 'phaseEnded') return { Payload: {} };
        return { Payload: {} };
      };
    }
    await machine.run({ cycleId: `c${index}`, revision: { count: 0 } } as never, {
      overrides: { taskResourceLocalHandlers: handlers as never },
      context: {
        Task: { Token: 't' },
        Execution: { Id: 'x', StartTime: new Date().toISOString() },
        StateMachine: { Id: 'm' },
      } as never,
    }).result;
  });
  return performance.now() - started;
}

/** Runs every measurement and returns the figures. */
export async function runBenchmark(options: BenchOptions) {
  const store = options.store ?? 'dynalite';
  const sweepShards = options.sweepShards ?? [1, 16];
  // On DynamoDB Local every store of the run (throughput, sweep, replay) gets a database of its own there.
  const local = store === 'dynamodb-local' ? await startDynamoDbLocal({ sharedDb: false }) : undefined;
  const before = process.env[DYNAMODB_ENDPOINT_VARIABLE];
  if (local) process.env[DYNAMODB_ENDPOINT_VARIABLE] = local.endpoint;
  else delete process.env[DYNAMODB_ENDPOINT_VARIABLE];
  try {
    return await measure({ ...options, store, sweepShards });
  } finally {
    if (before === undefined) delete process.env[DYNAMODB_ENDPOINT_VARIABLE];
    else process.env[DYNAMODB_ENDPOINT_VARIABLE] = before;
    await local?.close();
  }
}

async function measure(options: BenchOptions & Required<Pick<BenchOptions, 'store' | 'sweepShards'>>) {
  const run = await throughput(options);
  const sweepSizes = [
    Math.max(10, Math.round(options.openTasks / 10)),
    options.openTasks,
    options.openTasks * 10,
  ];
  const sweep = [];
  for (const shards of options.sweepShards)
    for (const size of sweepSizes) sweep.push(await sweepAt(size, shards));
  const next = random(options.seed);
  const withRevision = Array.from({ length: options.cycles }, () => next() < 0.1);
  const interpreterFloorMs = await interpreterFloor(options.cycles, options.concurrency, withRevision);
  const cost = Object.values(regionPrices).map((prices) => {
    const perCycle = run.perCycle;
    const lambdaRequests = perCycle.stepLambdaInvocations + perCycle.apiCalls;
    const billedMs =
      Math.max(
        LAMBDA_MIN_BILLED_MS,
        (perCycle.stepHandlerMs + run.apiHandlerMs) / Math.max(1, lambdaRequests),
      ) * lambdaRequests;
    const stepFunctions = perCycle.stateTransitions * prices.stateTransition;
    const lambda =
      lambdaRequests * prices.lambdaRequest + (billedMs / 1_000) * LAMBDA_MEMORY_GB * prices.lambdaGbSecond;
    const dynamodb =
      perCycle.readUnits * prices.readRequestUnit + perCycle.writeUnits * prices.writeRequestUnit;
    const email = perCycle.notificationsByChannel.email * prices.email;
    const smsPrices = Object.values(prices.smsByCountry);
    const sms =
      perCycle.notificationsByChannel.sms * (smsPrices.reduce((a, b) => a + b, 0) / smsPrices.length);
    return {
      region: prices.region,
      stepFunctions: round(stepFunctions, 6),
      lambda: round(lambda, 6),
      dynamodb: round(dynamodb, 6),
      email: round(email, 6),
      totalWithoutSms: round(stepFunctions + lambda + dynamodb + email, 6),
      sms: round(sms, 4),
    };
  });
  const { replay, writeUnits, apiHandlerMs: _api, ...throughputFigures } = run;
  return {
    options,
    machine: {
      node: process.version,
      cpus: os.cpus().length,
      /** The machine's 1, 5 and 15 minute load averages at the end (other work shares the cores). */
      loadAverage: os.loadavg().map((load) => round(load, 1)),
    },
    store: options.store,
    units: unitsCountedAs(writeUnits),
    throughput: { ...throughputFigures, sweepShards: DEFAULT_SWEEP_SHARDS },
    costPerCycleUsd: cost,
    sweep,
    floor: {
      /** (a) The engine's own DynamoDB requests of the run, replayed on the same store with the same concurrency. */
      storeReplayMs: round(replay.ms, 0),
      storeReplayRequests: replay.requests,
      overStoreReplay: round(run.wallMs / Math.max(1, replay.ms)),
      /** (b) The same compiled ASL with no-op tasks (humans answer at once), per cycle. */
      interpreterMsPerCycle: round(interpreterFloorMs / options.cycles),
      engineMsPerCycle: round(run.wallMs / options.cycles),
    },
    peakRssMb: round(process.resourceUsage().maxRSS / 1024, 0),
  };
}

/** The figures of a run. */
export type BenchResult = Awaited<ReturnType<typeof runBenchmark>>;
