import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalFileStore } from '#shared/adapters/local/local-file-store.ts';
import { createMemoryStore } from '#shared/adapters/memory/store.ts';
import { CSV_HEADER, csvField, OPEN_DATA_COLUMNS } from '#shared/domain/model/open-data.ts';
import type { CycleRecord, StorePorts } from '#shared/domain/ports.ts';
import { EXPORT_PAGE_SIZE, openDataChunks } from '#shared/domain/usecases/exports/export-cycles.ts';
import { exampleOutputs } from '#workflows/templates/examples.ts';
import { cycleFixture, taskFixture } from '../../support/fixtures.ts';

/**
 * The open-data export of 10,000 cycles, streamed from the store into a file: the cycles are read a page at a
 * time while the file is written (nothing is materialised whole), every cycle is in it once, and each CSV
 * line has the documented columns. The cycles are listed by the in-memory store; their records come from an
 * index built while seeding (the memory store finds a cycle's items by scanning, which is fine for its tests
 * and quadratic here). The same export on dynalite, through the API, is in evidence-privacy.test.ts.
 */

const CYCLES = 10_000;
let store: StorePorts;
let dir: string;
const records = new Map<string, CycleRecord>();

beforeAll(async () => {
  store = createMemoryStore();
  dir = mkdtempSync(join(tmpdir(), 'romact-open-data-'));
  for (const id of ['bg-1', 'bg-2', 'bg-3']) {
    await store.municipalities.create({
      municipalityId: id,
      name: `Municipality ${id}`,
      country: 'BG',
      locale: 'bg',
      timeZone: 'Europe/Sofia',
      contacts: { municipality: [], cag: [], coordinator: [] },
      updatedAt: '2027-01-01T00:00:00.000Z',
      version: 1,
    } as never);
  }
  for (let index = 0; index < CYCLES; index++) {
    const cycleId = `cyc-${index.toString(16).padStart(20, '0')}`;
    const municipalityId = `bg-${(index % 3) + 1}`;
    const startedAt = new Date(Date.UTC(2027, 0, 1) + index * 60_000).toISOString();
    const cycle = cycleFixture(cycleId, { municipalityId, startedAt });
    await store.cycles.create(cycle);
    records.set(cycleId, {
      cycle,
      phases: [{ cycleId, phase: 'assessment', revision: 0, startedAt }],
      tasks: (['needs-assessment', 'funding-applications', 'monitoring-report'] as const).map((output) =>
        taskFixture(cycleId, output, {
          municipalityId,
          output,
          status: 'COMPLETED',
          completedAt: startedAt,
          result: output === 'monitoring-report' ? exampleOutputs.close : exampleOutputs[output],
        }),
      ),
      audit: [],
    });
  }
  const listed = store.cycles;
  store = {
    ...store,
    cycles: Object.assign(Object.create(listed), {
      record: async (cycleId: string) => records.get(cycleId),
    }),
  } as StorePorts;
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Open-data export of 10,000 cycles', () => {
  it('reads the cycles a page at a time while the file is being written', async () => {
    let pagesRead = 0;
    const counting = {
      ...store,
      cycles: Object.assign(Object.create(store.cycles), {
        listByCountries: (...args: Parameters<StorePorts['cycles']['listByCountries']>) => {
          pagesRead += 1;
          return store.cycles.listByCountries(...args);
        },
      }),
    } as StorePorts;
    const chunks = openDataChunks(counting, { country: 'BG' }, 'csv', {
      licence: 'CC-BY-4.0',
      generatedAt: '2027-06-01T00:00:00.000Z',
    });
    expect((await chunks.next()).value).toBe(CSV_HEADER);
    await chunks.next();
    expect(pagesRead).toBe(1);
    let cyclesSeen = 1;
    for await (const _chunk of chunks) {
      cyclesSeen += 1;
      // Never more than one page ahead of what has been written.
      expect(pagesRead).toBeLessThanOrEqual(Math.ceil(cyclesSeen / EXPORT_PAGE_SIZE) + 1);
    }
    expect(cyclesSeen).toBe(CYCLES);
    expect(pagesRead).toBe(CYCLES / EXPORT_PAGE_SIZE + 1);
  });

  it('writes every cycle once, with its phases, priorities, applications and indicators, in the documented columns', async () => {
    const files = new LocalFileStore({ root: dir, secret: new Uint8Array(32), baseUrl: () => 'http://x' });
    const counts = { cycles: 0, rows: 0 };
    const { size } = await files.write(
      'exports/BG/test.csv',
      openDataChunks(store, { country: 'BG' }, 'csv', {
        licence: 'CC-BY-4.0',
        generatedAt: '2027-06-01T00:00:00.000Z',
        counts,
      }),
      'text/csv',
    );
    const text = readFileSync(files.pathOf('exports/BG/test.csv'), 'utf8');
    expect(Buffer.byteLength(text)).toBe(size);
    const lines = text.trimEnd().split('\r\n');
    expect(lines[0]).toBe(OPEN_DATA_COLUMNS.join(','));
    expect(lines).toHaveLength(counts.rows + 1);
    expect(counts.cycles).toBe(CYCLES);
    const column = (name: string) => OPEN_DATA_COLUMNS.indexOf(name as never);
    const cells = lines.slice(1).map((line) => line.split(','));
    const cycleRows = cells.filter((row) => row[column('record_type')] === 'cycle');
    expect(new Set(cycleRows.map((row) => row[column('cycle_id')])).size).toBe(CYCLES);
    const types = new Set(cells.map((row) => row[column('record_type')]));
    expect([...types].sort()).toEqual(['application', 'cycle', 'indicator', 'phase', 'priority']);
    const application = cells.find((row) => row[column('record_type')] === 'application');
    expect(application?.[column('amount')]).toBe(
      String(exampleOutputs['funding-applications'].applications[0]?.amount),
    );
    expect(application?.[column('licence')]).toBe('CC-BY-4.0');
  });

  it('streams valid JSON holding every cycle', async () => {
    const files = new LocalFileStore({ root: dir, secret: new Uint8Array(32), baseUrl: () => 'http://x' });
    await files.write(
      'exports/BG/test.json',
      openDataChunks(store, { country: 'BG', municipalityId: 'bg-2' }, 'json', {
        licence: 'CC-BY-4.0',
        generatedAt: '2027-06-01T00:00:00.000Z',
      }),
      'application/json',
    );
    const parsed = JSON.parse(readFileSync(files.pathOf('exports/BG/test.json'), 'utf8'));
    expect(parsed).toMatchObject({
      schemaVersion: '1',
      licence: 'CC-BY-4.0',
      scope: { municipalityId: 'bg-2' },
    });
    expect(parsed.cycles).toHaveLength(Math.floor(CYCLES / 3));
    expect(parsed.cycles[0]).toMatchObject({
      municipalityId: 'bg-2',
      municipalityName: 'Municipality bg-2',
      phases: [expect.objectContaining({ label: 'assessment', started_on: expect.any(String) })],
    });
  });
});

describe('CSV fields', () => {
  it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField(-5)).toBe('-5');
    expect(csvField(undefined)).toBe('');
  });
});
