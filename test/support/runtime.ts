import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { type LocalRuntime, type LocalRuntimeOptions, startLocalRuntime } from '#infra/local/runtime.ts';
import { manualClock } from '#shared/domain/clock.ts';
import type { Municipality } from '#shared/domain/model/municipality.ts';
import { useRuntime } from './api.ts';
import { eventually } from './eventually.ts';

/** A meter that adds up read and write units per operation. */
export function capacityMeter() {
  const totals = new Map<string, { read: number; write: number; calls: number }>();
  return {
    add(operation: string, read: number, write: number) {
      const entry = totals.get(operation) ?? { read: 0, write: 0, calls: 0 };
      entry.read += read;
      entry.write += write;
      entry.calls += 1;
      totals.set(operation, entry);
    },
    total() {
      let read = 0;
      let write = 0;
      for (const entry of totals.values()) {
        read += entry.read;
        write += entry.write;
      }
      return { read, write };
    },
    of: (operation: string) => totals.get(operation) ?? { read: 0, write: 0, calls: 0 },
    reset: () => totals.clear(),
  };
}

/**
 * An in-memory runtime (dynalite + local engine) with a manual clock, for integration tests. `call` of
 * `./api.ts` invokes its routes.
 */
export async function testRuntime(
  start = new Date('2027-01-04T09:00:00.000Z'),
  options: Pick<LocalRuntimeOptions, 'store'> = {},
) {
  const clock = manualClock(start);
  const meter = capacityMeter();
  const runtime: LocalRuntime = await startLocalRuntime({ clock, meter, ...options });
  useRuntime(runtime);
  return { runtime, clock, meter, ports: runtime.ports, engine: runtime.engine };
}

/** A municipality fixture (Bulgarian, with a municipality contact and two CAG members, one phone-only). */
export function municipalityFixture(overrides: Partial<Municipality> = {}): Municipality {
  return {
    municipalityId: 'bg-stolipinovo',
    name: 'Plovdiv – Stolipinovo',
    country: 'BG',
    locale: 'bg',
    timeZone: 'Europe/Sofia',
    contacts: {
      municipality: [{ name: 'Contact Person', email: 'contact@plovdiv.example', locale: 'bg' }],
      cag: [
        { name: 'CAG Member', email: 'cag@example.org', locale: 'bg' },
        { name: 'CAG Member Two', phone: '+359888000111', locale: 'bg' },
      ],
      coordinator: [{ name: 'Programme Coordinator', email: 'coordinator@romact.example', locale: 'en' }],
    },
    updatedAt: '2027-01-01T00:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export { eventually } from './eventually.ts';

/**
 * Waits until the workflow is parked on a task: its opening is in the audit trail (the last write of the
 * open-task step). Snapshots taken after this see no background writes.
 */
export async function parkedOn(
  ports: {
    cycles: {
      record(id: string): Promise<{ audit: { type: string; data: Record<string, unknown> }[] } | undefined>;
    };
  },
  cycleId: string,
  taskKey: string,
  engine?: { settled(): Promise<void> },
) {
  await eventually(async () => {
    const record = await ports.cycles.record(cycleId);
    return record?.audit.some(
      (event) => event.type === 'task.opened' && String(event.data.taskKey) === taskKey,
    );
  });
  await engine?.settled();
}

/** Every item of a runtime's table, sorted: for "a refused request writes nothing" checks. */
export async function tableSnapshot(runtime: LocalRuntime): Promise<string> {
  if (!runtime.dynamo) throw new Error('The runtime has no table (in-memory store)');
  const scan = await runtime.dynamo.client.send(
    new ScanCommand({ TableName: runtime.dynamo.tableName, ConsistentRead: true }),
  );
  return JSON.stringify((scan.Items ?? []).map((item) => JSON.stringify(item)).sort());
}

/** The body of `PUT /municipalities/{id}` for the fixture (everything but its id and bookkeeping). */
export function municipalityBody(overrides: Partial<Municipality> = {}) {
  const { municipalityId: _id, updatedAt: _at, version: _version, ...body } = municipalityFixture(overrides);
  return body;
}
