import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

/**
 * AWS's own DynamoDB Local (the `DynamoDBLocal.jar` shipped inside the npm package `amplify-dynamodb-simulator`),
 * run with `java`, in memory and with one shared database, on a free port: for tests that must hold on
 * DynamoDB's behaviour rather than dynalite's. Only the jar's path is taken from the package; its Node wrapper
 * (and the Amplify CLI it loads) is not used.
 */

/** A running DynamoDB Local. */
export interface DynamoDbLocal {
  /** http://127.0.0.1:PORT */
  endpoint: string;
  close(): Promise<void>;
}

/** Set to 1 only where no Java runtime can be installed: the DynamoDB Local tests are then skipped, loudly. */
export const SKIP_DYNAMODB_LOCAL = process.env.ROMACT_SKIP_DYNAMODB_LOCAL === '1';

/** Says out loud, on stderr, that a DynamoDB Local test file is skipped and why. */
export function announceSkippedOnDynamoDbLocal(what: string): void {
  const line = `!!! SKIPPED: ${what} on DynamoDB Local, because ROMACT_SKIP_DYNAMODB_LOCAL=1 (no Java runtime?) !!!`;
  const bar = '!'.repeat(line.length);
  console.warn(`${bar}\n${line}\n${bar}`);
}

/** Credentials the SDK needs; with `-sharedDb` DynamoDB Local ignores them. */
export const DYNAMODB_LOCAL_CREDENTIALS = { accessKeyId: 'local', secretAccessKey: 'local' };

/** A cold JVM on a busy two-core machine took up to ~18 s to answer; leave room. */
const START_TIMEOUT_MS = 90_000;
const STOP_TIMEOUT_MS = 5_000;

/** The folder holding DynamoDBLocal.jar and its native libraries, inside the installed npm package. */
export function dynamoDbLocalHome(): string {
  const require = createRequire(import.meta.url);
  const home = join(dirname(require.resolve('amplify-dynamodb-simulator/package.json')), 'emulator');
  if (!existsSync(join(home, 'DynamoDBLocal.jar'))) {
    throw new Error(
      `DynamoDBLocal.jar is missing from ${home}: reinstall amplify-dynamodb-simulator (npm ci)`,
    );
  }
  return home;
}

/** Throws a clear error unless a Java runtime answers on the PATH. */
export function assertJava(): void {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new Error(
      'DynamoDB Local needs a Java runtime, and `java` is not on the PATH. Install one (Debian: ' +
        '`apt-get install -y openjdk-17-jre-headless`), or set ROMACT_SKIP_DYNAMODB_LOCAL=1 to skip these tests.',
    );
  }
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('No free port');
  return address.port;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Starts DynamoDB Local in memory on a loopback port and resolves once it answers a request. With `sharedDb`
 * (the default) every client sees one database; without it each access key has its own (the parity run).
 */
export async function startDynamoDbLocal(
  options: { port?: number; sharedDb?: boolean } = {},
): Promise<DynamoDbLocal> {
  assertJava();
  const home = dynamoDbLocalHome();
  const port = options.port ?? (await freePort());
  const child = spawn(
    'java',
    [
      '-Djava.library.path=./DynamoDBLocal_lib',
      '-jar',
      'DynamoDBLocal.jar',
      '-inMemory',
      ...(options.sharedDb === false ? [] : ['-sharedDb']),
      // No network here but loopback: telemetry would only fail and slow the start.
      '-disableTelemetry',
      '-port',
      String(port),
    ],
    { cwd: home, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });

  const endpoint = `http://127.0.0.1:${port}`;
  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const stopped = await Promise.race([
      exited(child).then(() => true),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), STOP_TIMEOUT_MS).unref()),
    ]);
    if (!stopped) {
      child.kill('SIGKILL');
      await exited(child);
    }
  };

  const client = new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: DYNAMODB_LOCAL_CREDENTIALS,
    maxAttempts: 1,
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  try {
    for (;;) {
      if (spawnError) throw spawnError;
      if (child.exitCode !== null) {
        throw new Error(`DynamoDB Local exited with code ${child.exitCode} before answering:\n${output}`);
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return { endpoint, close };
      } catch {
        if (Date.now() > deadline) {
          throw new Error(
            `DynamoDB Local did not answer on ${endpoint} within ${START_TIMEOUT_MS} ms:\n${output}`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } catch (error) {
    await close();
    throw error;
  } finally {
    client.destroy();
  }
}
