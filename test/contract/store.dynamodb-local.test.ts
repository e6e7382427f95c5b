import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoStore } from '#shared/adapters/dynamodb/store.ts';
import { createTableInput } from '#shared/adapters/dynamodb/table-definition.ts';
import {
  announceSkippedOnDynamoDbLocal,
  DYNAMODB_LOCAL_CREDENTIALS,
  SKIP_DYNAMODB_LOCAL,
  startDynamoDbLocal,
} from '../support/dynamodb-local.ts';
import { storeContract } from './store.contract.ts';

/** The same contract on AWS's own DynamoDB Local: what passes on dynalite must pass on DynamoDB. */
if (SKIP_DYNAMODB_LOCAL) announceSkippedOnDynamoDbLocal('the store contract suite');

storeContract(
  'DynamoDB adapter on DynamoDB Local',
  async () => {
    const local = await startDynamoDbLocal();
    const client = new DynamoDBClient({
      endpoint: local.endpoint,
      region: 'local',
      credentials: DYNAMODB_LOCAL_CREDENTIALS,
    });
    await client.send(new CreateTableCommand(createTableInput('contract')));
    const on = (sweepShards?: number) =>
      createDynamoStore(client, { tableName: 'contract', ...(sweepShards ? { sweepShards } : {}) });
    return {
      store: on(),
      withSweepShards: on,
      close: async () => {
        client.destroy();
        await local.close();
      },
    };
  },
  { skip: SKIP_DYNAMODB_LOCAL },
);
