import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { createDynamoStore } from '#shared/adapters/dynamodb/store.ts';
import { ConcurrentUpdateError, MalformedItemError } from '#shared/domain/errors.ts';

const dynamo = mockClient(DynamoDBDocumentClient);
const store = createDynamoStore(new DynamoDBClient({ region: 'eu-central-1' }), { tableName: 'romact' });

const task = {
  taskId: 'cyc-1.needs-assessment.r0',
  cycleId: 'cyc-1',
  templateId: 'romact',
  municipalityId: 'bg-1',
  country: 'BG',
  phase: 'assessment',
  taskKey: 'needs-assessment',
  revision: 0,
  kind: 'task' as const,
  assignee: 'municipality' as const,
  output: 'needs-assessment',
  status: 'OPEN' as const,
  dueAt: '2027-03-01T00:00:00.000Z',
  hardStopAt: '2027-04-01T00:00:00.000Z',
  openedAt: '2027-01-01T00:00:00.000Z',
  tokenDelivered: false,
  extensions: 0,
  version: 3,
};

const conditionFailed = () =>
  new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

describe('DynamoDB store (mocked client)', () => {
  afterEach(() => {
    dynamo.reset();
  });

  it('guards a task update on its version and open status', async () => {
    dynamo.on(PutCommand).resolves({});

    await store.tasks.update(task, { status: 'COMPLETED' });

    const input = dynamo.commandCalls(PutCommand)[0]?.args[0].input;
    expect(input?.ConditionExpression).toBe('#version = :expected AND #status = :open');
    expect(input?.ExpressionAttributeValues).toEqual({ ':expected': 3, ':open': 'OPEN' });
    expect(input?.Item).toMatchObject({ status: 'COMPLETED', version: 4 });
    // A closed task leaves the inbox and sweep indexes.
    expect(input?.Item).not.toHaveProperty('GSI3PK');
    expect(input?.Item).not.toHaveProperty('GSI4PK');
  });

  it('turns a failed condition into a ConcurrentUpdateError', async () => {
    dynamo.on(PutCommand).rejects(conditionFailed());
    await expect(store.tasks.update(task, { status: 'COMPLETED' })).rejects.toBeInstanceOf(
      ConcurrentUpdateError,
    );
  });

  it('returns the stored task when a create finds it already there', async () => {
    dynamo.on(PutCommand).rejects(conditionFailed());
    dynamo
      .on(GetCommand)
      .resolves({ Item: { PK: 'CYCLE#cyc-1', SK: `TASK#${task.taskId}`, ...task, taskToken: 'old' } });

    const result = await store.tasks.create({ ...task, taskToken: 'new' });

    expect(result).toMatchObject({ created: false, task: { taskToken: 'old' } });
  });

  it('rejects a malformed item read back, naming its key', async () => {
    dynamo
      .on(GetCommand)
      .resolves({ Item: { PK: 'CYCLE#cyc-1', SK: `TASK#${task.taskId}`, ...task, status: 'MAYBE' } });
    await expect(store.tasks.get(task.taskId)).rejects.toThrow(MalformedItemError);
    await expect(store.tasks.get(task.taskId)).rejects.toThrow(`CYCLE#cyc-1 / TASK#${task.taskId}`);
  });

  it('lets other errors (throttling past the SDK retries) reach the caller unchanged', async () => {
    const throttled = Object.assign(new Error('Rate exceeded'), {
      name: 'ProvisionedThroughputExceededException',
    });
    dynamo.on(PutCommand).rejects(throttled);
    await expect(store.tasks.update(task, { status: 'COMPLETED' })).rejects.toThrow('Rate exceeded');
  });
});
