import { startEmbeddedDynamo } from '#infra/local/dynamodb-server.ts';
import { createDynamoStore } from '#shared/adapters/dynamodb/store.ts';
import { storeContract } from './store.contract.ts';

storeContract('DynamoDB adapter on dynalite', async () => {
  // Always dynalite here, whatever the parity run points the embedded store at.
  const dynamo = await startEmbeddedDynamo({ tableName: 'contract', endpoint: '' });
  const on = (sweepShards?: number) =>
    createDynamoStore(dynamo.client, { tableName: 'contract', ...(sweepShards ? { sweepShards } : {}) });
  return { store: on(), withSweepShards: on, close: () => dynamo.close() };
});
