import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EmbeddedDynamo, startEmbeddedDynamo } from '#infra/local/dynamodb-server.ts';
import { itemSize, writeCapacity } from '#shared/adapters/dynamodb/capacity.ts';
import { taskItem } from '#shared/adapters/dynamodb/keys.ts';
import { createDynamoStore, documentClient } from '#shared/adapters/dynamodb/store.ts';
import { createTableInput } from '#shared/adapters/dynamodb/table-definition.ts';
import type { Task } from '#shared/domain/model/task.ts';
import type { StorePorts } from '#shared/domain/ports.ts';
import {
  announceSkippedOnDynamoDbLocal,
  DYNAMODB_LOCAL_CREDENTIALS,
  type DynamoDbLocal,
  SKIP_DYNAMODB_LOCAL,
  startDynamoDbLocal,
} from '../../../../support/dynamodb-local.ts';
import { cycleFixture as cycle, taskFixture as task } from '../../../../support/fixtures.ts';
import { capacityMeter, municipalityFixture } from '../../../../support/runtime.ts';

/**
 * Write units as AWS bills them: the store's meter counts every index a write touches. On dynalite (which
 * reports only the base table) it computes them from the items and the table definition; those computed units
 * must equal what AWS's DynamoDB Local reports with `ReturnConsumedCapacity: INDEXES`, write for write.
 */

if (SKIP_DYNAMODB_LOCAL) announceSkippedOnDynamoDbLocal('the write-unit comparison');

const TABLE = 'capacity';
const WRITES = new Set(['PutItemCommand', 'DeleteItemCommand', 'UpdateItemCommand']);

/** A client whose write calls add up the units the server reports. */
function reportingClient(endpoint: string) {
  const client = new DynamoDBClient({ endpoint, region: 'local', credentials: DYNAMODB_LOCAL_CREDENTIALS });
  const reported = { write: 0 };
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: { CapacityUnits?: number } }).ConsumedCapacity;
      if (WRITES.has(String(context.commandName))) reported.write += consumed?.CapacityUnits ?? 0;
      return result;
    },
    { step: 'initialize', name: 'reportedCapacity' },
  );
  return { client, reported };
}

/** A long completion output: a task item past one 1 KB write block. */
const longResult = {
  priorities: Array.from({ length: 12 }, (_, index) => ({
    title: `Priority ${index}: drinking water and sanitation in the settlement`,
    budgetEur: 125_000 + index * 1_000,
  })),
};

const person = {
  userId: 'usr-units',
  displayName: 'Member of staff',
  locale: 'bg' as const,
  timeZone: 'Europe/Sofia',
  channels: [{ type: 'email' as const, address: 'member@plovdiv.example' }],
  preferences: {},
  status: 'ACTIVE' as const,
  createdAt: '2027-01-01T00:00:00.000Z',
  updatedAt: '2027-01-01T00:00:00.000Z',
  version: 1,
};
const membership = {
  membershipId: 'mbr-units',
  userId: 'usr-units',
  role: 'municipality' as const,
  municipalityId: 'bg-1',
  country: 'BG',
  createdAt: '2027-01-01T00:00:00.000Z',
};
const message = {
  messageId: 'msg-units',
  userId: 'usr-units',
  channel: 'email' as const,
  role: 'municipality' as const,
  locale: 'bg',
  municipalityId: 'bg-1',
  country: 'BG',
  cycleIds: ['cyc-u'],
  taskIds: ['cyc-u.needs-assessment.r0'],
  notificationIds: ['cyc-u.needs-assessment.r0:reminder:P3D:e0'],
  kinds: ['reminder'],
  municipalityName: 'Plovdiv – Stolipinovo',
  text: 'Напомняне: оценката на нуждите е до 1 март.',
  createdAt: '2027-02-01T00:00:00.000Z',
  sendAfter: '2027-02-01T07:00:00.000Z',
  status: 'PENDING' as const,
};
const code = {
  addressKey: 'a'.repeat(64),
  userId: 'usr-units',
  channel: 'email' as const,
  salt: 'b'.repeat(32),
  codeHash: 'd'.repeat(64),
  attempts: 0,
  expiresAt: '2027-02-01T08:10:00.000Z',
  createdAt: '2027-02-01T08:00:00.000Z',
  purpose: 'sign-in' as const,
};

/** The store's real writes, in the order a cycle makes them, each a step whose units are compared. */
function steps(store: StorePorts): [string, () => Promise<unknown>][] {
  let open: Task;
  let overdue: Task;
  return [
    ['create a cycle', () => store.cycles.create(cycle('cyc-u'))],
    [
      'stall a cycle (its status moves it in the country index)',
      async () => {
        const created = await store.cycles.get('cyc-u');
        if (created) await store.cycles.update(created, { status: 'STALLED' });
      },
    ],
    [
      'start a phase',
      () =>
        store.cycles.startPhase({
          cycleId: 'cyc-u',
          phase: 'assessment',
          revision: 0,
          startedAt: '2027-01-01T00:00:00.000Z',
        }),
    ],
    [
      'open a task with a notification to come (inbox, portfolio and sweep indexes)',
      async () => {
        open = (
          await store.tasks.create(
            task('cyc-u', 'needs-assessment', { nextNotificationAt: '2027-02-01T00:00:00.000Z' }),
          )
        ).task;
      },
    ],
    [
      'move a task on in the sweep (its sweep key changes)',
      async () => {
        open = await store.tasks.update(open, {
          notifiedThrough: '2027-02-01T00:00:00.000Z',
          nextNotificationAt: '2027-02-20T00:00:00.000Z',
        });
      },
    ],
    [
      'rebind a task token (no index key changes)',
      async () => {
        open = await store.tasks.update(open, { taskToken: 'token-2' });
      },
    ],
    [
      'extend a deadline (inbox, portfolio and sweep keys change)',
      async () => {
        open = await store.tasks.update(open, {
          dueAt: '2027-05-01T00:00:00.000Z',
          extensions: 1,
          nextNotificationAt: '2027-04-20T00:00:00.000Z',
        });
      },
    ],
    [
      'complete a task with a long output (it leaves every index)',
      async () => {
        open = await store.tasks.update(open, {
          status: 'COMPLETED',
          completedAt: '2027-03-01T00:00:00.000Z',
          completedBy: 'municipality',
          result: longResult,
        });
      },
    ],
    [
      'mark a completed task’s completion delivered',
      () => store.tasks.update(open, { tokenDelivered: true }, { allowClosed: true }),
    ],
    [
      'open a task with no notification left (inbox and portfolio only)',
      async () => {
        overdue = (await store.tasks.create(task('cyc-u', 'council-decision', { assignee: 'cag' }))).task;
      },
    ],
    [
      'cancel a task',
      () => store.tasks.update(overdue, { status: 'CANCELLED', cancelledAt: '2027-03-02T00:00:00.000Z' }),
    ],
    [
      'append an audit event',
      () =>
        store.audit.append({
          cycleId: 'cyc-u',
          eventId: 'task.completed:needs-assessment',
          at: '2027-03-01T00:00:00.000Z',
          type: 'task.completed',
          actor: 'municipality',
          data: { taskKey: 'needs-assessment' },
        }),
    ],
    [
      'end a phase',
      () =>
        store.cycles.endPhase(
          { cycleId: 'cyc-u', phase: 'assessment', revision: 0 },
          '2027-03-01T00:00:00.000Z',
        ),
    ],
    [
      'take the live slot',
      () => store.cycles.claimLiveSlot({ municipalityId: 'bg-1', templateId: 'romact' }, 'cyc-u'),
    ],
    [
      'free the live slot',
      () => store.cycles.releaseLiveSlot({ municipalityId: 'bg-1', templateId: 'romact' }, 'cyc-u'),
    ],
    [
      'create a municipality with contacts',
      () => store.municipalities.create(municipalityFixture({ municipalityId: 'bg-units' })),
    ],
    ['erase its contacts', () => store.municipalities.eraseContacts('bg-units')],
    [
      'create a person with an address and a municipality membership',
      async () => {
        await store.users.claimAddress('email', 'member@plovdiv.example', 'usr-units');
        await store.users.create(person);
        await store.users.addMembership(membership);
      },
    ],
    ['remove the membership', () => store.users.removeMembership(membership)],
    [
      'store a message for later (it waits in the outbox), claim it and mark it sent',
      async () => {
        await store.messages.put(message);
        await store.messages.claim(message, 'dlv-1', '2027-02-01T08:15:00.000Z', '2027-02-01T08:00:00.000Z');
        await store.messages.markSent(
          { ...message, status: 'SENDING', deliveryId: 'dlv-1' },
          'dlv-1',
          '2027-02-01T08:01:00.000Z',
        );
      },
    ],
    ['erase a person’s messages', () => store.messages.eraseForUser('usr-units')],
    [
      'store a sign-in code, count a wrong try, use it up, and open a session',
      async () => {
        await store.signIn.putCode(code);
        const tried = await store.signIn.recordFailedAttempt(code);
        await store.signIn.consumeCode(tried ?? code);
        await store.signIn.createSession({
          sessionId: 'ses-units',
          userId: 'usr-units',
          refreshHash: 'c'.repeat(64),
          createdAt: '2027-02-01T08:00:00.000Z',
          expiresAt: '2027-03-01T08:00:00.000Z',
          version: 1,
        });
      },
    ],
    [
      'record, claim and settle a notification',
      async () => {
        const { record } = await store.notifications.record({
          notificationId: 'cyc-u.needs-assessment.r0:reminder:P3D:e0',
          taskId: 'cyc-u.needs-assessment.r0',
          cycleId: 'cyc-u',
          municipalityId: 'bg-1',
          kind: 'reminder',
          offset: 'P3D',
          audience: 'assignee',
          scheduledAt: '2027-02-01T00:00:00.000Z',
          status: 'PENDING',
          leaseUntil: '2027-02-01T00:00:00.000Z',
          recordedAt: '2027-02-01T00:00:00.000Z',
          messages: 0,
        });
        const claimed = await store.notifications.claim(
          record,
          '2027-02-01T00:01:00.000Z',
          '2027-02-01T00:16:00.000Z',
        );
        if (claimed)
          await store.notifications.settle(claimed, {
            status: 'DELIVERED',
            deliveredAt: '2027-02-01T00:02:00.000Z',
            messages: 2,
          });
      },
    ],
  ];
}

describe.skipIf(SKIP_DYNAMODB_LOCAL)('Write units: computed on dynalite = reported by DynamoDB Local', () => {
  let local: DynamoDbLocal;
  let dynalite: EmbeddedDynamo;
  let reporting: ReturnType<typeof reportingClient>;

  beforeAll(async () => {
    local = await startDynamoDbLocal();
    reporting = reportingClient(local.endpoint);
    await reporting.client.send(new CreateTableCommand(createTableInput(TABLE)));
    dynalite = await startEmbeddedDynamo({ tableName: TABLE, endpoint: '' });
  }, 120_000);
  afterAll(async () => {
    reporting?.client.destroy();
    await dynalite?.close();
    await local?.close();
  });

  it('counts every write of a cycle’s life as DynamoDB bills it, index writes included', async () => {
    // Prepare: the same store on both servers, the dynalite one computing its write units.
    const onLocal = capacityMeter();
    const onDynalite = capacityMeter();
    const localSteps = steps(
      createDynamoStore(reporting.client, { tableName: TABLE, meter: onLocal, sweepShards: 4 }),
    );
    const dynaliteSteps = steps(
      createDynamoStore(dynalite.client, {
        tableName: TABLE,
        meter: onDynalite,
        writeUnits: 'computed',
        sweepShards: 4,
      }),
    );

    const rows: { step: string; reported: number; dynalite: number }[] = [];
    for (const [index, [step, onLocalStep]] of localSteps.entries()) {
      // Act
      reporting.reported.write = 0;
      onDynalite.reset();
      await onLocalStep();
      await (dynaliteSteps[index] as [string, () => Promise<unknown>])[1]();
      rows.push({ step, reported: reporting.reported.write, dynalite: onDynalite.total().write });
    }

    // Assess: step for step, and each step cost something.
    expect(rows).toEqual(rows.map((row) => ({ ...row, dynalite: row.reported })));
    expect(rows.every((row) => row.reported > 0)).toBe(true);
  });

  it('computes the table’s and each index’s part of a write as DynamoDB Local reports them', async () => {
    // Prepare: task items as the store writes them, before and after each kind of change.
    const base = task('cyc-p', 'needs-assessment', { nextNotificationAt: '2027-02-01T00:00:00.000Z' });
    const versions: [string, Task][] = [
      ['opened', base],
      ['sweep moved', { ...base, nextNotificationAt: '2027-02-09T00:00:00.000Z', version: 2 }],
      [
        'token rebound',
        { ...base, nextNotificationAt: '2027-02-09T00:00:00.000Z', taskToken: 'x', version: 3 },
      ],
      ['completed, long', { ...base, status: 'COMPLETED', result: longResult, version: 4 }],
      ['reopened, short', { ...base, version: 5 }],
      ['no notification left', { ...base, nextNotificationAt: undefined, version: 6 } as Task],
    ];
    let before: Record<string, unknown> | undefined;
    for (const [, version] of versions) {
      const after = taskItem(version, 4);
      // Act
      const { ConsumedCapacity } = await documentClient(reporting.client).send(
        new PutCommand({ TableName: TABLE, Item: after, ReturnConsumedCapacity: 'INDEXES' }),
      );
      // Assess
      const computed = writeCapacity(before, after);
      expect({
        table: computed.table,
        indexes: computed.indexes,
      }).toEqual({
        table: ConsumedCapacity?.Table?.CapacityUnits,
        indexes: Object.fromEntries(
          Object.entries(ConsumedCapacity?.GlobalSecondaryIndexes ?? {}).map(([name, units]) => [
            name,
            units.CapacityUnits,
          ]),
        ),
      });
      before = after;
    }
  });
});

describe('Write units on dynalite', () => {
  let dynalite: EmbeddedDynamo;
  beforeAll(async () => {
    dynalite = await startEmbeddedDynamo({ tableName: TABLE, endpoint: '' });
  });
  afterAll(async () => {
    await dynalite?.close();
  });

  it('bills an open task with a notification to come 4 write units: the item and its three sparse indexes', async () => {
    // Prepare
    const meter = capacityMeter();
    const store = createDynamoStore(dynalite.client, {
      tableName: TABLE,
      meter,
      writeUnits: 'computed',
      sweepShards: 1,
    });

    // Act
    await store.tasks.create(
      task('cyc-d', 'needs-assessment', { nextNotificationAt: '2027-02-01T00:00:00.000Z' }),
    );

    // Assess
    expect(meter.of('createTask').write).toBe(4);
  });

  it('bills a write whose condition failed the size of the item it found', async () => {
    // Prepare: a completed task past two 1 KB blocks.
    const meter = capacityMeter();
    const store = createDynamoStore(dynalite.client, { tableName: TABLE, meter, writeUnits: 'computed' });
    const created = (await store.tasks.create(task('cyc-f', 'long'))).task;
    const completed = await store.tasks.update(created, { status: 'COMPLETED', result: longResult });
    expect(itemSize(taskItem(completed, 4))).toBeGreaterThan(1024);
    expect(itemSize(taskItem(completed, 4))).toBeLessThanOrEqual(2048);
    meter.reset();

    // Act: a stale update loses.
    await store.tasks.update(created, { taskToken: 'late' }, { allowClosed: true }).catch(() => undefined);

    // Assess
    expect(meter.of('updateTask').write).toBe(2);
  });
});
