import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTableInput, tableDefinition } from '#shared/adapters/dynamodb/table-definition.ts';
import {
  announceSkippedOnDynamoDbLocal,
  DYNAMODB_LOCAL_CREDENTIALS,
  type DynamoDbLocal,
  SKIP_DYNAMODB_LOCAL,
  startDynamoDbLocal,
} from '../../support/dynamodb-local.ts';

/**
 * AWS's DynamoDB Local boots, takes the project's table, and counts index writes as DynamoDB bills them.
 * Skipped only when ROMACT_SKIP_DYNAMODB_LOCAL=1 (a machine with no Java runtime), and then said out loud.
 */
const skip = SKIP_DYNAMODB_LOCAL;
if (skip) announceSkippedOnDynamoDbLocal('the smoke test of the table');

const TABLE = 'romact';
/** An open task as the store writes it: its keys, the inbox index (GSI3) and the sweep index (GSI4). */
const openTask = {
  PK: { S: 'CYCLE#cyc-1' },
  SK: { S: 'TASK#cyc-1.needs-assessment.r0' },
  entity: { S: 'task' },
  GSI3PK: { S: 'INBOX#bg-stolipinovo#municipality' },
  GSI3SK: { S: '2027-03-05T09:00:00.000Z#cyc-1.needs-assessment.r0' },
  GSI4PK: { S: 'OPEN' },
  GSI4SK: { S: '2027-02-19T09:00:00.000Z#cyc-1.needs-assessment.r0' },
  taskId: { S: 'cyc-1.needs-assessment.r0' },
  status: { S: 'OPEN' },
};

describe.skipIf(skip)('DynamoDB Local (AWS’s jar) with the project’s table', () => {
  let local: DynamoDbLocal | undefined;
  let client: DynamoDBClient;

  beforeAll(async () => {
    local = await startDynamoDbLocal();
    client = new DynamoDBClient({
      endpoint: local.endpoint,
      region: 'local',
      credentials: DYNAMODB_LOCAL_CREDENTIALS,
    });
    await client.send(new CreateTableCommand(createTableInput(TABLE)));
  }, 120_000);
  afterAll(async () => {
    client?.destroy();
    await local?.close();
  });

  it('creates the table with every global secondary index of the table definition', async () => {
    // Act
    const { Table } = await client.send(new DescribeTableCommand({ TableName: TABLE }));

    // Assess
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(
      tableDefinition.indexes.map((index) => index.name).sort(),
    );
  });

  it('writes an item and reads it back', async () => {
    // Act
    await client.send(new PutItemCommand({ TableName: TABLE, Item: openTask }));
    const { Item } = await client.send(
      new GetItemCommand({
        TableName: TABLE,
        Key: { PK: openTask.PK, SK: openTask.SK },
        ConsistentRead: true,
      }),
    );

    // Assess
    expect(Item).toEqual(openTask);
  });

  it('bills an open task’s write to the table and to both sparse indexes it lands in: 3 write units', async () => {
    // Act
    const { ConsumedCapacity } = await client.send(
      new PutItemCommand({
        TableName: TABLE,
        Item: { ...openTask, SK: { S: 'TASK#cyc-1.community-consultation.r0' } },
        ReturnConsumedCapacity: 'INDEXES',
      }),
    );

    // Assess: 1 for the item, 1 for the inbox index, 1 for the sweep index; none for indexes it is not in.
    expect(ConsumedCapacity).toEqual({
      TableName: TABLE,
      CapacityUnits: 3,
      Table: { CapacityUnits: 1 },
      GlobalSecondaryIndexes: { Inbox: { CapacityUnits: 1 }, Sweep: { CapacityUnits: 1 } },
    });
  });

  it('refuses an empty string as an index key (dynalite accepts it)', async () => {
    // Act
    const put = client.send(
      new PutItemCommand({
        TableName: TABLE,
        Item: { ...openTask, SK: { S: 'TASK#empty-key' }, GSI3PK: { S: '' } },
      }),
    );

    // Assess
    await expect(put).rejects.toMatchObject({ name: 'ValidationException' });
  });
});
