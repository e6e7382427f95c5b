import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalFileStore } from '#shared/adapters/local/local-file-store.ts';
import { createMemoryStore } from '#shared/adapters/memory/store.ts';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import type { CycleRecord, StorePorts } from '#shared/domain/ports.ts';
import { openDataChunks } from '#shared/domain/usecases/exports/export-cycles.ts';
import { exampleOutputs } from '#workflows/templates/examples.ts';

/**
 * `npm run bench:open-data [cycles]`: the open-data export's memory while it streams N cycles (10,000 by
 * default) into a file under a temporary dir, against the size of the file. Records are built as the export
 * asks for them and pages served from a position (as DynamoDB does), so what is measured is what the export
 * itself holds. The script runs it with a 64 MB heap limit: an export that held the file would not finish.
 */

const count = Number(process.argv[2] ?? 10_000);
const store = createMemoryStore();
const dir = mkdtempSync(join(tmpdir(), 'romact-bench-open-data-'));
await store.municipalities.create({
  municipalityId: 'bg-1',
  name: 'Municipality bg-1',
  country: 'BG',
  locale: 'bg',
  timeZone: 'Europe/Sofia',
  contacts: { municipality: [], cag: [], coordinator: [] },
  updatedAt: '2027-01-01T00:00:00.000Z',
  version: 1,
} as never);
const cycles = new Map<string, Cycle>();
for (let index = 0; index < count; index++) {
  const cycleId = `cyc-${index.toString(16).padStart(20, '0')}`;
  const startedAt = new Date(Date.UTC(2027, 0, 1) + index * 60_000).toISOString();
  const cycle: Cycle = {
    cycleId,
    templateId: 'romact',
    templateVersion: 1,
    municipalityId: 'bg-1',
    country: 'BG',
    status: 'COMPLETED',
    currentPhase: 'review',
    revision: 0,
    dates: {},
    dueOverrides: {},
    executionName: cycleId,
    startedAt,
    updatedAt: startedAt,
    version: 1,
  };
  cycles.set(cycleId, cycle);
  await store.cycles.create(cycle);
}
const record = (cycleId: string): CycleRecord | undefined => {
  const cycle = cycles.get(cycleId);
  if (!cycle) return undefined;
  const task = (output: string, result: unknown) => ({
    taskId: `${cycleId}.${output}.r0`,
    cycleId,
    templateId: 'romact',
    municipalityId: 'bg-1',
    country: 'BG',
    phase: 'assessment',
    taskKey: output,
    revision: 0,
    kind: 'task' as const,
    assignee: 'municipality' as const,
    output,
    status: 'COMPLETED' as const,
    dueAt: cycle.startedAt,
    hardStopAt: cycle.startedAt,
    openedAt: cycle.startedAt,
    completedAt: cycle.startedAt,
    result,
    tokenDelivered: true,
    extensions: 0,
    version: 2,
  });
  return {
    cycle,
    phases: [
      { cycleId, phase: 'assessment', revision: 0, startedAt: cycle.startedAt, endedAt: cycle.startedAt },
    ],
    tasks: [
      task('needs-assessment', exampleOutputs['needs-assessment']),
      task('community-consultation', exampleOutputs['community-consultation']),
      task('funding-applications', exampleOutputs['funding-applications']),
      task('monitoring-report', exampleOutputs.close),
    ],
    audit: [],
  };
};
// Pages as DynamoDB serves them (a Query from a position), so the figure is the export's, not the memory
// store's (which sorts and copies every cycle for each page).
const listed = [...cycles.values()];
const pageOf = async (_countries: readonly string[], query: { limit: number; cursor?: string }) => {
  const start = query.cursor ? Number(query.cursor) : 0;
  const end = Math.min(listed.length, start + query.limit);
  return { items: listed.slice(start, end), ...(end < listed.length ? { nextCursor: String(end) } : {}) };
};
const ports = {
  ...store,
  cycles: Object.assign(Object.create(store.cycles), {
    record: async (id: string) => record(id),
    listByCountries: pageOf,
  }),
} as StorePorts;

const files = new LocalFileStore({ root: dir, secret: new Uint8Array(32), baseUrl: () => 'http://local' });
globalThis.gc?.();
const baseline = process.memoryUsage();
let peakHeap = baseline.heapUsed;
let peakRss = baseline.rss;
const sample = setInterval(() => {
  const now = process.memoryUsage();
  peakHeap = Math.max(peakHeap, now.heapUsed);
  peakRss = Math.max(peakRss, now.rss);
}, 5);
const started = performance.now();
const counts = { cycles: 0, rows: 0 };
const { size } = await files.write(
  'exports/BG/bench.csv',
  openDataChunks(ports, { country: 'BG' }, 'csv', {
    licence: 'CC-BY-4.0',
    generatedAt: new Date().toISOString(),
    counts,
  }),
  'text/csv',
);
const ms = performance.now() - started;
clearInterval(sample);
globalThis.gc?.();
const after = process.memoryUsage();
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
process.stdout.write(
  `${JSON.stringify(
    {
      cycles: counts.cycles,
      rows: counts.rows,
      file: mb(size),
      seconds: Number((ms / 1000).toFixed(1)),
      heapBefore: mb(baseline.heapUsed),
      heapPeakGrowth: mb(peakHeap - baseline.heapUsed),
      rssPeakGrowth: mb(peakRss - baseline.rss),
      heapRetainedAfterGc: mb(after.heapUsed - baseline.heapUsed),
    },
    null,
    2,
  )}\n`,
);
rmSync(dir, { recursive: true, force: true });
