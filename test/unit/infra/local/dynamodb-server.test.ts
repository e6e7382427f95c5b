import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import dynalite from 'dynalite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type EmbeddedDynamo, startEmbeddedDynamo } from '#infra/local/dynamodb-server.ts';
import { createTableInput } from '#shared/adapters/dynamodb/table-definition.ts';

let dir: string;
let dynamo: EmbeddedDynamo | undefined;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'romact-dynamo-'));
});
afterEach(async () => {
  await dynamo?.close();
  dynamo = undefined;
  rmSync(dir, { recursive: true, force: true });
});

const read = (client: DynamoDBClient) =>
  client.send(new GetItemCommand({ TableName: 'romact', Key: { PK: { S: 'x' }, SK: { S: 'y' } } }));

describe('startEmbeddedDynamo', () => {
  it('returns only once the new table is ACTIVE, so the first read cannot meet ResourceNotFoundException', async () => {
    // Prepare: table creation takes time, as it does on AWS.
    // Act
    dynamo = await startEmbeddedDynamo({ tableName: 'romact', path: join(dir, 'db'), createTableMs: 300 });
    // Assess
    await expect(read(dynamo.client)).resolves.toBeDefined();
  });

  it('recreates a table that an interrupted first start left CREATING for ever, with one warning', async () => {
    // Prepare: a first start that dies while the table is CREATING (dynalite flips it on a timer in memory).
    const path = join(dir, 'db');
    const first = dynalite({ path, createTableMs: 60_000 });
    first.listen(0, '127.0.0.1');
    await once(first, 'listening');
    const port = (first.address() as { port: number }).port;
    const client = new DynamoDBClient({
      endpoint: `http://127.0.0.1:${port}`,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await client.send(new CreateTableCommand(createTableInput('romact')));
    client.destroy();
    await new Promise((resolve) => first.close(resolve));
    const warnings: string[] = [];

    // Act
    dynamo = await startEmbeddedDynamo({ tableName: 'romact', path, warn: (line) => warnings.push(line) });

    // Assess
    await expect(read(dynamo.client)).resolves.toBeDefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/half-created/);
  });
});
