import type { TestProject } from 'vitest/node';
import { DYNAMODB_ENDPOINT_VARIABLE } from '#infra/local/dynamodb-server.ts';
import { announceSkippedOnDynamoDbLocal, SKIP_DYNAMODB_LOCAL, startDynamoDbLocal } from './dynamodb-local.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set in the parity run: the DynamoDB Local every embedded store must be on. */
    parityEndpoint?: string;
  }
}

/**
 * The parity run's global setup (`npm run test:parity`): one DynamoDB Local for the whole run, without
 * `-sharedDb`, so each embedded store (each test runtime, each server process) gets a database of its own;
 * every store the tests start goes there instead of dynalite.
 */
export default async function setup(project: TestProject) {
  if (SKIP_DYNAMODB_LOCAL) {
    announceSkippedOnDynamoDbLocal('the parity run (its tests ran on dynalite instead)');
    return async () => {};
  }
  const local = await startDynamoDbLocal({ sharedDb: false });
  // Test workers and the server processes they spawn start after this and inherit it.
  process.env[DYNAMODB_ENDPOINT_VARIABLE] = local.endpoint;
  project.provide('parityEndpoint', local.endpoint);
  console.log(`Parity run: every embedded store is on DynamoDB Local at ${local.endpoint}`);
  return async () => {
    await local.close();
  };
}
