import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedDynamo, startEmbeddedDynamo } from '#infra/local/dynamodb-server.ts';
import { DynamoStore, documentClient } from '#shared/adapters/aws/dynamodb-store.ts';
import type { Cycle, Task } from '#shared/domain/entities.ts';
import { ConcurrentUpdateError, MalformedItemError } from '#shared/domain/errors.ts';
import { capacityMeter, municipalityFixture } from '../../support/runtime.ts';

let dynamo: EmbeddedDynamo;
let store: DynamoStore;
const meter = capacityMeter();

beforeAll(async () => {
  dynamo = await startEmbeddedDynamo({ tableName: 'store-test' });
  store = new DynamoStore(documentClient(dynamo.client), { tableName: 'store-test', meter });
});
afterAll(async () => {
  await dynamo.close();
});

function cycle(cycleId: string, overrides: Partial<Cycle> = {}): Cycle {
  return {
    cycleId,
    templateId: 'romact',
    templateVersion: 1,
    municipalityId: 'bg-1',
    country: 'BG',
    status: 'RUNNING',
    currentPhase: 'assessment',
    revision: 0,
    dates: {},
    dueOverrides: {},
    executionName: cycleId,
    startedAt: '2027-01-01T00:00:00.000Z',
    updatedAt: '2027-01-01T00:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

function task(cycleId: string, key: string, overrides: Partial<Task> = {}): Task {
  return {
    taskId: `${cycleId}.${key}.r0`,
    cycleId,
    templateId: 'romact',
    municipalityId: 'bg-1',
    country: 'BG',
    phase: 'assessment',
    taskKey: key,
    revision: 0,
    kind: 'task',
    assignee: 'municipality',
    output: 'needs-assessment',
    status: 'OPEN',
    dueAt: '2027-03-01T00:00:00.000Z',
    hardStopAt: '2027-04-01T00:00:00.000Z',
    openedAt: '2027-01-01T00:00:00.000Z',
    taskToken: 'token-1',
    tokenDelivered: false,
    extensions: 0,
    version: 1,
    ...overrides,
  };
}

describe('DynamoStore on dynalite', () => {
  it('creates a cycle once; a repeat returns the stored one', async () => {
    expect((await store.createCycle(cycle('cyc-a'))).created).toBe(true);
    const repeat = await store.createCycle(cycle('cyc-a', { currentPhase: 'funding' }));
    expect(repeat).toMatchObject({ created: false, cycle: { currentPhase: 'assessment' } });
  });

  it('reads a cycle with its phases, tasks and audit trail in one query, audit in time order', async () => {
    await store.createCycle(cycle('cyc-b'));
    await store.startPhase({
      cycleId: 'cyc-b',
      phase: 'assessment',
      revision: 0,
      startedAt: '2027-01-01T00:00:00.000Z',
    });
    await store.createTask(task('cyc-b', 'needs-assessment'));
    await store.appendAudit({
      cycleId: 'cyc-b',
      eventId: 'second',
      at: '2027-01-02T00:00:00.000Z',
      type: 'b',
      actor: 'x',
      data: {},
    });
    await store.appendAudit({
      cycleId: 'cyc-b',
      eventId: 'first',
      at: '2027-01-01T00:00:00.000Z',
      type: 'a',
      actor: 'x',
      data: {},
    });
    await store.appendAudit({
      cycleId: 'cyc-b',
      eventId: 'first',
      at: '2027-01-01T00:00:00.000Z',
      type: 'a',
      actor: 'x',
      data: {},
    });
    meter.reset();

    const record = await store.getCycleRecord('cyc-b');

    expect(meter.of('getCycleRecord').calls).toBe(1);
    expect(record?.phases).toHaveLength(1);
    expect(record?.tasks.map((one) => one.taskKey)).toEqual(['needs-assessment']);
    expect(record?.audit.map((event) => event.eventId)).toEqual(['first', 'second']);
  });

  it('lists cycles by municipality, and by country and status', async () => {
    await store.createCycle(
      cycle('cyc-m1', { municipalityId: 'ro-1', country: 'RO', startedAt: '2027-02-01T00:00:00.000Z' }),
    );
    await store.createCycle(
      cycle('cyc-m2', {
        municipalityId: 'ro-1',
        country: 'RO',
        status: 'COMPLETED',
        startedAt: '2027-03-01T00:00:00.000Z',
      }),
    );
    await store.createCycle(cycle('cyc-m3', { municipalityId: 'ro-2', country: 'RO' }));

    const byMunicipality = await store.listCyclesByMunicipality('ro-1', {});
    expect(byMunicipality.items.map((one) => one.cycleId)).toEqual(['cyc-m2', 'cyc-m1']);
    const running = await store.listCyclesByCountry('RO', 'RUNNING', {});
    expect(running.items.map((one) => one.cycleId).sort()).toEqual(['cyc-m1', 'cyc-m3']);
    const all = await store.listCyclesByCountry('RO', undefined, {});
    expect(all.items).toHaveLength(3);
  });

  it('moves a cycle out of a status index when its status changes', async () => {
    const created = (await store.createCycle(cycle('cyc-s', { municipalityId: 'sk-1', country: 'SK' })))
      .cycle;
    await store.updateCycle(created, { status: 'STALLED' });
    expect((await store.listCyclesByCountry('SK', 'RUNNING', {})).items).toHaveLength(0);
    expect((await store.listCyclesByCountry('SK', 'STALLED', {})).items).toHaveLength(1);
  });

  it('lists an inbox of open tasks earliest due first, and drops completed ones', async () => {
    await store.createCycle(cycle('cyc-i'));
    await store.createTask(
      task('cyc-i', 'late', { municipalityId: 'hu-1', dueAt: '2027-05-01T00:00:00.000Z' }),
    );
    const early = (
      await store.createTask(
        task('cyc-i', 'early', { municipalityId: 'hu-1', dueAt: '2027-02-01T00:00:00.000Z' }),
      )
    ).task;
    await store.createTask(task('cyc-i', 'cag-one', { municipalityId: 'hu-1', assignee: 'cag' }));

    const inbox = await store.listInbox('hu-1', 'municipality', {});
    expect(inbox.items.map((one) => one.taskKey)).toEqual(['early', 'late']);
    expect(
      (await store.listInbox('hu-1', 'municipality', { dueBefore: '2027-03-01T00:00:00.000Z' })).items,
    ).toHaveLength(1);

    await store.updateTask(early, { status: 'COMPLETED', completedAt: '2027-01-05T00:00:00.000Z' });
    expect((await store.listInbox('hu-1', 'municipality', {})).items.map((one) => one.taskKey)).toEqual([
      'late',
    ]);
  });

  it('lets exactly one of many racing completions of a task win', async () => {
    await store.createCycle(cycle('cyc-r'));
    const open = (await store.createTask(task('cyc-r', 'race'))).task;

    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, index) =>
        store.updateTask(open, { status: 'COMPLETED', completedAt: `2027-01-0${index + 1}T00:00:00.000Z` }),
      ),
    );

    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const rejected = outcomes.filter(
      (outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected',
    );
    expect(rejected.every((outcome) => outcome.reason instanceof ConcurrentUpdateError)).toBe(true);
    expect((await store.getTask(open.taskId))?.version).toBe(2);
  });

  it('refuses to change a task that is no longer open', async () => {
    await store.createCycle(cycle('cyc-c'));
    const open = (await store.createTask(task('cyc-c', 'closed'))).task;
    const completed = await store.updateTask(open, { status: 'COMPLETED' });
    await expect(store.updateTask(completed, { dueAt: '2028-01-01T00:00:00.000Z' })).rejects.toBeInstanceOf(
      ConcurrentUpdateError,
    );
    await expect(
      store.updateTask(completed, { taskToken: 'new' }, { allowClosed: true }),
    ).resolves.toMatchObject({ taskToken: 'new' });
  });

  it('returns the existing task for a repeated create and writes no second item', async () => {
    await store.createCycle(cycle('cyc-o'));
    const first = await store.createTask(task('cyc-o', 'once'));
    const second = await store.createTask(
      task('cyc-o', 'once', { taskToken: 'token-2', dueAt: '2030-01-01T00:00:00.000Z' }),
    );
    expect(first.created).toBe(true);
    expect(second).toMatchObject({
      created: false,
      task: { taskToken: 'token-1', dueAt: '2027-03-01T00:00:00.000Z' },
    });
    expect((await store.getCycleRecord('cyc-o'))?.tasks).toHaveLength(1);
  });

  it('reads only the open tasks whose next notification is due from the sweep index, among thousands of others', async () => {
    const sweepStore = new DynamoStore(documentClient(dynamo.client), { tableName: 'store-test', meter });
    await store.createCycle(cycle('cyc-w'));
    const writes: Promise<unknown>[] = [];
    for (let index = 0; index < 2_000; index++) {
      const due = index < 10 ? '2027-01-10T00:00:00.000Z' : '2027-12-31T00:00:00.000Z';
      const status = index % 3 === 0 && index >= 10 ? 'COMPLETED' : 'OPEN';
      writes.push(
        store.createTask(task('cyc-w', `t${index}`, { dueAt: due, nextNotificationAt: due, status })),
      );
      if (writes.length >= 100) await Promise.all(writes.splice(0));
    }
    await Promise.all(writes);
    meter.reset();

    const due = await sweepStore.listOpenTasksDueBy('2027-01-15T00:00:00.000Z', { limit: 100 });

    const ofThisCycle = due.items.filter((one) => one.cycleId === 'cyc-w');
    expect(ofThisCycle).toHaveLength(10);
    // Items read: the capacity of one query that touched only the due items (10 items of < 4 KB each).
    const { read } = meter.of('listOpenTasksDueBy');
    expect(read).toBeGreaterThan(0);
    expect(read).toBeLessThanOrEqual(10);
  });

  it('fails loudly, naming the key, when a stored item is malformed', async () => {
    await store.createCycle(cycle('cyc-bad'));
    await documentClient(dynamo.client).send(
      new (await import('@aws-sdk/lib-dynamodb')).PutCommand({
        TableName: 'store-test',
        Item: { PK: 'CYCLE#cyc-bad', SK: '#CYCLE', cycleId: 'cyc-bad', status: 'SLEEPING' },
      }),
    );
    await expect(store.getCycle('cyc-bad')).rejects.toThrow(MalformedItemError);
    await expect(store.getCycle('cyc-bad')).rejects.toThrow(/CYCLE#cyc-bad/);
  });

  it('keeps contacts in their own item so erasing them deletes the personal data', async () => {
    await store.putMunicipality(municipalityFixture({ municipalityId: 'bg-erase' }));
    expect((await store.getMunicipality('bg-erase'))?.contacts.cag).toHaveLength(2);
    await store.deleteContacts('bg-erase', '2027-01-01T00:00:00.000Z');

    expect((await store.getMunicipality('bg-erase'))?.contacts).toEqual({
      municipality: [],
      cag: [],
      coordinator: [],
    });
    const scan = await dynamo.client.send(new ScanCommand({ TableName: 'store-test' }));
    expect(JSON.stringify(scan.Items)).not.toContain('+359888000111');
    expect(await store.listCountries()).toContain('BG');
  });
});
