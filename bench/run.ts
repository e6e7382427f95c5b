import { mkdirSync, writeFileSync } from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { type BenchResult, runBenchmark } from './benchmark.ts';

/** `npm run bench`: prints a Markdown table and writes the same figures to bench/results/latest.json. */
const positive = (value: string) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError('must be a positive integer');
  return number;
};

const options = new Command('bench')
  .option('--cycles <n>', 'full ROMACT cycles driven through the HTTP API', positive, 200)
  .option('--concurrency <c>', 'concurrent clients', positive, 32)
  .option(
    '--open-tasks <k>',
    'open tasks for the sweep scaling (measured at K/10, K and 10K)',
    positive,
    10_000,
  )
  .option('--seed <n>', 'seed of every random choice', positive, 42)
  .option('--json', 'print only the JSON')
  .parse()
  .opts<{ cycles: number; concurrency: number; openTasks: number; seed: number; json?: boolean }>();

const result = await runBenchmark(options);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/latest.json', import.meta.url), `${JSON.stringify(result, null, 2)}\n`);
process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : markdown(result));

function markdown(r: BenchResult): string {
  const t = r.throughput;
  const lines = [
    `## ROMACT engine benchmark (${r.options.cycles} cycles, ${r.options.concurrency} clients, Node ${r.machine.node}, ${r.machine.cpus} cores)`,
    '',
    '| figure | value |',
    '| --- | --- |',
    `| wall time | ${t.wallMs} ms |`,
    `| throughput | ${t.cyclesPerSecond} cycles/s (${t.revisedCycles} with a revision) |`,
    `| POST /tasks/{id}/complete p50 / p95 / p99 | ${t.latencyMs.complete.p50} / ${t.latencyMs.complete.p95} / ${t.latencyMs.complete.p99} ms (${t.latencyMs.complete.samples} calls) |`,
    `| GET /tasks p50 / p95 / p99 | ${t.latencyMs.inbox.p50} / ${t.latencyMs.inbox.p95} / ${t.latencyMs.inbox.p99} ms (${t.latencyMs.inbox.samples} calls) |`,
    `| state transitions per cycle | ${t.perCycle.stateTransitions} (plain path ${t.perCycle.transitionsByPath.plain.join('/')}, with revision ${t.perCycle.transitionsByPath.revised.join('/') || '—'}) |`,
    `| step Lambda invocations per cycle | ${t.perCycle.stepLambdaInvocations}: ${Object.entries(
      t.perCycle.lambdaInvocations,
    )
      .map(([step, count]) => `${step} ${count}`)
      .join(', ')} |`,
    `| API calls per cycle (incl. polling) | ${t.perCycle.apiCalls} |`,
    `| DynamoDB read / write units per cycle | ${t.perCycle.readUnits} / ${t.perCycle.writeUnits} |`,
    `| notifications per cycle | ${t.perCycle.notifications} (email ${t.perCycle.notificationsByChannel.email}, SMS ${t.perCycle.notificationsByChannel.sms}) |`,
    `| floor: same DynamoDB ops, no engine | ${r.floor.dynamoOnlyMs} ms → engine is ${r.floor.overVsDynamo}× |`,
    `| floor: same ASL, no-op tasks | ${r.floor.interpreterOnlyMs} ms → engine is ${r.floor.overVsInterpreter}× |`,
    `| peak RSS | ${r.peakRssMb} MB |`,
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
    '| open tasks | tasks read | read units | time per sweep |',
    '| --- | --- | --- | --- |',
    ...r.sweep.map((s) => `| ${s.openTasks} | ${s.due} | ${s.readUnits} | ${s.sweepMs} ms |`),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
