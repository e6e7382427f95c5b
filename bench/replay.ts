import {
  CreateTableCommand,
  DeleteItemCommand,
  type DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  QueryCommand,
  ScanCommand,
  UpdateItemCommand,
} from '@aws-sdk/client-dynamodb';
import { createTableInput } from '#shared/adapters/dynamodb/table-definition.ts';

/**
 * Floor (a) of the benchmark: the DynamoDB requests the engine actually sent during the measured run, recorded
 * off the wire (the request body the SDK built), then sent again to the same server, into a fresh table, with
 * the same concurrency. The floor is what the storage alone costs for exactly that work.
 */

/** One request as sent: its operation (`PutItem`, `Query`, …) and its low-level input. */
export interface RecordedRequest {
  operation: string;
  input: Record<string, unknown>;
}

/** Each operation the store uses, as a command built from its low-level input. */
const commands: Record<string, (input: never) => object> = {
  GetItem: (input) => new GetItemCommand(input),
  PutItem: (input) => new PutItemCommand(input),
  DeleteItem: (input) => new DeleteItemCommand(input),
  UpdateItem: (input) => new UpdateItemCommand(input),
  Query: (input) => new QueryCommand(input),
  Scan: (input) => new ScanCommand(input),
};

/** Reads a request body the SDK built as bytes (without its string helpers, which warn). */
const utf8 = new TextDecoder();

/** Starts recording every request `client` (and any document client on it) sends; `stop()` ends it. */
export function recordRequests(client: DynamoDBClient) {
  const requests: RecordedRequest[] = [];
  let recording = true;
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers?: Record<string, string>; body?: unknown };
      const target = request.headers?.['x-amz-target'];
      const body =
        typeof request.body === 'string'
          ? request.body
          : request.body instanceof Uint8Array
            ? utf8.decode(request.body)
            : undefined;
      if (recording && target && body !== undefined) {
        requests.push({ operation: target.split('.').at(-1) ?? '', input: JSON.parse(body) });
      }
      return next(args);
    },
    { step: 'build', name: 'benchRecordRequests' },
  );
  return {
    requests,
    stop() {
      recording = false;
    },
  };
}

/** Sends the recorded requests again, into a fresh table on the same server, `concurrency` at a time. */
export async function replayRequests(
  client: DynamoDBClient,
  requests: readonly RecordedRequest[],
  concurrency: number,
): Promise<{ ms: number; requests: number; conditionFailures: number }> {
  const table = `replay-${Date.now()}`;
  await client.send(new CreateTableCommand(createTableInput(table)));
  let next = 0;
  let conditionFailures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, requests.length) }, async () => {
      while (next < requests.length) {
        const request = requests[next++] as RecordedRequest;
        const command = commands[request.operation];
        if (!command) throw new Error(`The replay does not know ${request.operation}`);
        try {
          await client.send(command({ ...request.input, TableName: table } as never) as never);
        } catch (error) {
          // The same conditional writes run in a slightly different order: some lose where they had won.
          if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
          conditionFailures += 1;
        }
      }
    }),
  );
  return { ms: performance.now() - started, requests: requests.length, conditionFailures };
}
