import { startEmbeddedDynamo } from '#infra/local/dynamodb-server.ts';
import { createDynamoStore } from '#shared/adapters/dynamodb/store.ts';
import { storeContract } from './store.contract.ts';

storeContract('DynamoDB adapter on dynalite', async () => {
  const dynamo = await startEmbeddedDynamo({ tableName: 'contract' });
  return { store: createDynamoStore(dynamo.client, { tableName: 'contract' }), close: () => dynamo.close() };
});
