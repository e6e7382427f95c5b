import { startEmbeddedDynamo } from '#infra/local/dynamodb-server.ts';
import { createDynamoStore } from '#shared/adapters/dynamodb/store.ts';
import { storeContract } from './store.contract.ts';

/**
 * The contract on dynalite, through both doors of its thread: by message without socket or signing (the fast
 * path `npm start` and the bench use) and over HTTP with SigV4 (as an SDK reaches AWS). Speed buys no
 * semantic difference.
 */
for (const transport of ['message', 'http'] as const) {
  storeContract(`DynamoDB adapter on dynalite (${transport})`, async () => {
    // Always dynalite here, whatever the parity run points the embedded store at.
    const dynamo = await startEmbeddedDynamo({ tableName: 'contract', endpoint: '', transport });
    const on = (sweepShards?: number) =>
      createDynamoStore(dynamo.client, { tableName: 'contract', ...(sweepShards ? { sweepShards } : {}) });
    return { store: on(), withSweepShards: on, close: () => dynamo.close() };
  });
}
