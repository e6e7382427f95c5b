import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoStore } from '#shared/adapters/dynamodb/store.ts';
import { createTableInput } from '#shared/adapters/dynamodb/table-definition.ts';
import { DYNAMODB_LOCAL_CREDENTIALS, startDynamoDbLocal } from '../support/dynamodb-local.ts';
import { storeContract } from './store.contract.ts';

storeContract('DynamoDB adapter on DynamoDB Local', async () => {
  const local = await startDynamoDbLocal();
  const client = new DynamoDBClient({ endpoint: local.endpoint, region: 'local', credentials: DYNAMODB_LOCAL_CREDENTIALS });
  await client.send(new CreateTableCommand(createTableInput('contract')));
  return {
    store: createDynamoStore(client, { tableName: 'contract' }),
    close: async () => {
      client.destroy();
      await local.close();
    },
  };
});
