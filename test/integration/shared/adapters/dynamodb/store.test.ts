import { type AttributeValue, ScanCommand } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedDynamo, startEmbeddedDynamo } from '#infra/local/dynamodb-server.ts';
import { createDynamoStore, documentClient } from '#shared/adapters/dynamodb/store.ts';
import { MalformedItemError } from '#shared/domain/errors.ts';
import type { StorePorts } from '#shared/domain/ports.ts';
import { cycleFixture as cycle, taskFixture as task } from '../../../../support/fixtures.ts';
import { capacityMeter, municipalityFixture } from '../../../../support/runtime.ts';

/** What the store contract cannot see: the table itself, its capacity and its failure modes. */

let dynamo: EmbeddedDynamo;
let store: StorePorts;
const meter = capacityMeter();

beforeAll(async () => {
  dynamo = await startEmbeddedDynamo({ tableName: 'store-test' });
  store = createDynamoStore(dynamo.client, { tableName: 'store-test', meter });
});
afterAll(async () => {
  await dynamo.close();
});

describe('DynamoDB store on dynalite', () => {
  it('reads a cycle with its phases, tasks and audit trail in one query', async () => {
    await store.cycles.create(cycle('cyc-b'));
    await store.tasks.create(task('cyc-b', 'needs-assessment'));
    meter.reset();

    await store.cycles.record('cyc-b');

    expect(meter.of('getCycleRecord').calls).toBe(1);
  });

  it('reads only the open tasks whose next notification is due from the sweep index, among thousands of others', async () => {
    await store.cycles.create(cycle('cyc-w'));
    const writes: Promise<unknown>[] = [];
    for (let index = 0; index < 2_000; index++) {
      const due = index < 10 ? '2027-01-10T00:00:00.000Z' : '2027-12-31T00:00:00.000Z';
      const status = index % 3 === 0 && index >= 10 ? 'COMPLETED' : 'OPEN';
      writes.push(
        store.tasks.create(task('cyc-w', `t${index}`, { dueAt: due, nextNotificationAt: due, status })),
      );
      if (writes.length >= 100) await Promise.all(writes.splice(0));
    }
    await Promise.all(writes);
    meter.reset();

    const due = await store.tasks.listDueForSweep('2027-01-15T00:00:00.000Z', { limit: 100 });

    expect(due.items.filter((one) => one.cycleId === 'cyc-w')).toHaveLength(10);
    // Items read: the capacity of one query that touched only the due items (10 items of < 4 KB each).
    const { read } = meter.of('listOpenTasksDueBy');
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThanOrEqual(10);
  });

  it('spreads open tasks over the sweep’s shards by task id, and a sweep still reads only what is due', async () => {
    // Prepare: a deployment with 16 shards and 1,600 open tasks, 16 of them due.
    const sharded = createDynamoStore(dynamo.client, { tableName: 'store-test', meter, sweepShards: 16 });
    const writes: Promise<unknown>[] = [];
    for (let index = 0; index < 1_600; index++) {
      const due = index < 16 ? '2026-06-01T00:00:00.000Z' : '2029-12-31T00:00:00.000Z';
      writes.push(
        sharded.tasks.create(task('cyc-s16', `t${index}`, { dueAt: due, nextNotificationAt: due })),
      );
      if (writes.length >= 100) await Promise.all(writes.splice(0));
    }
    await Promise.all(writes);
    meter.reset();

    // Act
    const due = await sharded.tasks.listDueForSweep('2026-06-15T00:00:00.000Z', { limit: 100 });

    // Assess: every shard holds about a sixteenth of the tasks (none empty, none with half)…
    const perShard = new Map<string, number>();
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const scan = await dynamo.client.send(
        new ScanCommand({
          TableName: 'store-test',
          FilterExpression: 'begins_with(SK, :prefix)',
          ExpressionAttributeValues: { ':prefix': { S: 'TASK#cyc-s16.' } },
          ProjectionExpression: 'GSI4PK',
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      for (const item of scan.Items ?? []) {
        const shard = String(item.GSI4PK?.S);
        perShard.set(shard, (perShard.get(shard) ?? 0) + 1);
      }
      startKey = scan.LastEvaluatedKey;
    } while (startKey);
    expect(perShard.size).toBe(16);
    expect(Math.min(...perShard.values())).toBeGreaterThan(50);
    expect(Math.max(...perShard.values())).toBeLessThan(200);
    // …and the sweep read the 16 due ones (tasks of other tests are due later), with one query per shard and one read of the layout.
    expect(due.items.filter((one) => one.cycleId === 'cyc-s16')).toHaveLength(16);
    expect(meter.of('listOpenTasksDueBy').calls).toBe(16);
    expect(meter.of('getSweepShards').calls).toBe(1);
    expect(meter.of('listOpenTasksDueBy').read).toBeLessThanOrEqual(16 * 0.5);
  });

  it('fails loudly, naming the key, when a stored item is malformed', async () => {
    await store.cycles.create(cycle('cyc-bad'));
    await documentClient(dynamo.client).send(
      new PutCommand({
        TableName: 'store-test',
        Item: { PK: 'CYCLE#cyc-bad', SK: '#CYCLE', cycleId: 'cyc-bad', status: 'SLEEPING' },
      }),
    );
    await expect(store.cycles.get('cyc-bad')).rejects.toThrow(MalformedItemError);
    await expect(store.cycles.get('cyc-bad')).rejects.toThrow(/CYCLE#cyc-bad/);
  });

  it('erases contacts so that no stored item holds them any more', async () => {
    await store.municipalities.create(municipalityFixture({ municipalityId: 'bg-erase' }));
    await store.municipalities.eraseContacts('bg-erase');

    const scan = await dynamo.client.send(new ScanCommand({ TableName: 'store-test' }));
    expect(JSON.stringify(scan.Items)).not.toContain('+359888000111');
    expect(JSON.stringify(scan.Items)).not.toContain('cag@example.org');
  });
});
