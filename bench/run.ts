import { mkdirSync, writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { MAX_SWEEP_SHARDS } from '#shared/adapters/dynamodb/tasks.ts';
import { type BenchResult, benchStores, runBenchmark } from './benchmark.ts';

/** `npm run bench`: prints a Markdown table and writes the same figures to bench/results/latest.json. */
const positive = (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('must be a positive integer');
  return number;
};
const shardCounts = (value: string) =>
  value.split(',').map((one) => {
    const number = Number(one);
    if (!Number.isInteger(number) || number < 1 || number > MAX_SWEEP_SHARDS)
      throw new InvalidArgumentError(`must be integers from 1 to ${MAX_SWEEP_SHARDS}, separated by commas`);
    return number;
  });

const options = new Command('bench')
  .option('--cycles <n>', 'full ROMACT cycles driven through the HTTP API', positive, 200)
  .option('--concurrency <c>', 'concurrent clients', positive, 32)
  .option(
    '--open-tasks <k>',
    'open tasks for the sweep scaling (measured at K/10, K and 10K)',
    positive,
    10_000,
  )
  .option(
    '--sweep-shards <list>',
    'sweep shard counts the sweep scaling is measured with',
    shardCounts,
    [1, 16],
  )
  .addOption(
    new Option('--store <store>', 'where the table lives (dynamodb-local needs Java)')
      .choices(benchStores)
      .default('dynalite'),
  )
  .option('--seed <n>', 'seed of every random choice', positive, 42)
  .option('--json', 'print only the JSON')
  .parse()
  .opts<{
    cycles: number;
    concurrency: number;
    openTasks: number;
    sweepShards: number[];
    store: (typeof benchStores)[number];
    seed: number;
    json?: boolean;
  }>();

const result = await runBenchmark(options);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/latest.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : markdown(result));

function markdown(r: BenchResult): string {
  const t = r.throughput;
  const lines = [
    `## ROMACT engine benchmark (${r.options.cycles} cycles, ${r.options.concurrency} clients, ${r.store}, Node ${r.machine.node}, ${r.machine.cpus} cores)`,
    '',
    '| figure | value |',
    '| --- | --- |',
    `| wall time | ${t.wallMs} ms (${r.floor.engineMsPerCycle} ms per cycle) |`,
    `| throughput | ${t.cyclesPerSecond} cycles/s (${t.revisedCycles} with a revision) |`,
    `| CPU per cycle (every thread) | ${t.cpuMsPerCycle} ms (${t.coresUsed} cores busy on average; load average ${r.machine.loadAverage.join(' / ')}) |`,
    `| POST /tasks/{id}/complete p50 / p95 / p99 | ${t.latencyMs.complete.p50} / ${t.latencyMs.complete.p95} / ${t.latencyMs.complete.p99} ms (${t.latencyMs.complete.samples} calls) |`,
    `| GET /tasks p50 / p95 / p99 | ${t.latencyMs.inbox.p50} / ${t.latencyMs.inbox.p95} / ${t.latencyMs.inbox.p99} ms (${t.latencyMs.inbox.samples} calls) |`,
    `| state transitions per cycle | ${t.perCycle.stateTransitions} (plain path ${t.perCycle.transitionsByPath.plain.join('/')}, with revision ${t.perCycle.transitionsByPath.revised.join('/') || '—'}) |`,
    `| step Lambda invocations per cycle | ${t.perCycle.stepLambdaInvocations}: ${Object.entries(
      t.perCycle.lambdaInvocations,
    )
      .map(([step, count]) => `${step} ${count}`)
      .join(', ')} |`,
    `| API calls per cycle (the clients', woken by the engine instead of polling) | ${t.perCycle.apiCalls} |`,
    `| engine DynamoDB requests per cycle | ${t.perCycle.storeOperations}: ${Object.entries(
      t.perCycle.storeOperationsByCall,
    )
      .map(([call, count]) => `${call} ${count}`)
      .join(', ')} |`,
    `| DynamoDB read / write units per cycle | ${t.perCycle.readUnits} / ${t.perCycle.writeUnits} (${t.sweepShards} sweep shards) |`,
    `| notifications per cycle | ${t.perCycle.notifications} (email ${t.perCycle.notificationsByChannel.email}, SMS ${t.perCycle.notificationsByChannel.sms}) |`,
    `| floor (a): the run's ${r.floor.storeReplayRequests} DynamoDB requests replayed on the same store, same concurrency | ${r.floor.storeReplayMs} ms → engine is ${r.floor.overStoreReplay}× its storage |`,
    `| floor (b): same ASL, no-op tasks | ${r.floor.interpreterMsPerCycle} ms per cycle |`,
    `| peak RSS | ${t.peakRssMb} MB after the cycles, ${r.peakRssMb} MB after seeding the sweep's open tasks |`,
    '',
    `Write units: ${r.units.write}. Read units: ${r.units.read}.`,
    '',
    '### Cost per cycle on AWS (USD, list prices in bench/prices.ts)',
    '',
    '| region | Step Functions | Lambda | DynamoDB | email | total without SMS | SMS |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...r.costPerCycleUsd.map(
      (c) =>
        `| ${c.region} | ${c.stepFunctions} | ${c.lambda} | ${c.dynamodb} | ${c.email} | ${c.totalWithoutSms} | ${c.sms} |`,
    ),
    '',
    '### Sweep scaling (10 tasks due)',
    '',
    '| sweep shards | open tasks | tasks read | index queries | read units | time per sweep |',
    '| --- | --- | --- | --- | --- | --- |',
    ...r.sweep.map(
      (s) => `| ${s.shards} | ${s.openTasks} | ${s.due} | ${s.queries} | ${s.readUnits} | ${s.sweepMs} ms |`,
    ),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
