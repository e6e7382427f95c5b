import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedDynamo } from '#infra/local/dynamodb-server.ts';
import { documentClient } from '#shared/adapters/dynamodb/store.ts';
import { Table } from '#shared/adapters/dynamodb/table.ts';
import { createTableInput } from '#shared/adapters/dynamodb/table-definition.ts';
import {
  announceSkippedOnDynamoDbLocal,
  DYNAMODB_LOCAL_CREDENTIALS,
  SKIP_DYNAMODB_LOCAL,
  startDynamoDbLocal,
} from '../../../../support/dynamodb-local.ts';

/**
 * What DynamoDB refuses and dynalite accepts, held the same on both: an empty string as an index key. The
 * table helpers never write one, so an item that would have one is stored outside that (sparse) index.
 */

if (SKIP_DYNAMODB_LOCAL) announceSkippedOnDynamoDbLocal('the empty index key check');

const TABLE = 'table-test';

interface Server {
  client: DynamoDBClient;
  close(): Promise<void>;
}

const servers: [string, boolean, () => Promise<Server>][] = [
  [
    'dynalite',
    false,
    async () => {
      const dynamo = await startEmbeddedDynamo({ tableName: TABLE, endpoint: '' });
      return { client: dynamo.client, close: () => dynamo.close() };
    },
  ],
  [
    'DynamoDB Local',
    SKIP_DYNAMODB_LOCAL,
    async () => {
      const local = await startDynamoDbLocal();
      const client = new DynamoDBClient({
        endpoint: local.endpoint,
        region: 'local',
        credentials: DYNAMODB_LOCAL_CREDENTIALS,
      });
      await client.send(new CreateTableCommand(createTableInput(TABLE)));
      return {
        client,
        close: async () => {
          client.destroy();
          await local.close();
        },
      };
    },
  ],
];

for (const [name, skip, start] of servers) {
  describe.skipIf(skip)(`Table on ${name}`, () => {
    let server: Server;
    beforeAll(async () => {
      server = await start();
    }, 120_000);
    afterAll(async () => {
      await server?.close();
    });

    it('stores an item whose index key would be empty outside that index, instead of failing or keeping the key', async () => {
      // Prepare
      const table = new Table(documentClient(server.client), TABLE);
      const key = { PK: 'CYCLE#cyc-e', SK: 'TASK#cyc-e.x.r0' };

      // Act
      const written = await table.put(
        'putTask',
        { ...key, GSI3PK: '', GSI3SK: '2027-01-01#x', GSI5PK: 'OPEN#BG', GSI5SK: '', status: 'OPEN' },
        'attribute_not_exists(PK)',
      );

      // Assess
      expect(written).toBe(true);
      const stored = await documentClient(server.client).send(
        new GetCommand({ TableName: TABLE, Key: key, ConsistentRead: true }),
      );
      expect(stored.Item).toEqual({ ...key, GSI3SK: '2027-01-01#x', GSI5PK: 'OPEN#BG', status: 'OPEN' });
    });
  });
}
