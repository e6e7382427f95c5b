import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { apiRoutes } from '#functions/routes.ts';
import { logger } from '#functions/shared/logger.ts';
import { assertSmtpUrl, describeSmtpUrl } from '#shared/adapters/local/email-sender.ts';
import { readOrCreateSecretFile } from '#shared/adapters/local/files.ts';
import { loadOrCreateSecret } from '#shared/adapters/local/tokens.ts';
import { readConfig } from './config.ts';
import { serveFiles } from './file-server.ts';
import { createHttpServer } from './http-server.ts';
import { localRoutes } from './local-routes.ts';
import { migrateLocalData, migrationLine } from './migrate.ts';
import { openPlanningClock } from './planning-clock.ts';
import { type LocalRuntime, startLocalRuntime } from './runtime.ts';
import { acquireServerLock, type ServerLock } from './server-lock.ts';
import { startSweeper } from './sweeper-timer.ts';
import { prepareWebApp, webAssets } from './web-assets.ts';

/**
 * `npm start`: the whole engine in one process, offline. dynalite persisted in the data dir, every template's
 * compiled ASL on the local interpreter, the HTTP API with JWT auth, and the deadline sweep on a timer.
 * A start that cannot succeed (bad setting, port in use, data dir in use, unreadable store) ends with one
 * line saying why and exit code 1, never a stack trace.
 */

// Everything the server writes (dynalite's LevelDB files included) is readable by its owner only.
process.umask(0o077);

/** A start-up failure, phrased for the person who typed `npm start`. */
class StartupError extends Error {
  override name = 'StartupError';
}

/** Runs a start-up step; a failure becomes one line, naming the step when its own message does not. */
async function step<T>(what: string | undefined, run: () => T | Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof StartupError) throw error;
    const message = String((error as Error).message ?? error).split('\n')[0];
    throw new StartupError(what ? `${what}: ${message}` : message);
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE')
        reject(
          new StartupError(
            `port ${port} on ${host} is already in use (another ROMACT server?): stop it, or set PORT`,
          ),
        );
      else if (error.code === 'EACCES')
        reject(new StartupError(`not allowed to listen on port ${port} on ${host}: set PORT above 1023`));
      else if (error.code === 'EADDRNOTAVAIL')
        reject(new StartupError(`cannot listen on ${host}: no such address on this machine (HOST)`));
      else reject(error);
    });
    server.listen(port, host, () => resolve());
  });
}

const startedAt = Date.now();
let lock: ServerLock | undefined;
let runtime: LocalRuntime | undefined;
let server: Server | undefined;

async function start() {
  const config = await step(undefined, () => readConfig());
  lock = await step(undefined, () => acquireServerLock(config.ROMACT_DATA_DIR));
  const planning = await step('cannot read the planning clock', () =>
    openPlanningClock(config.ROMACT_DATA_DIR, config.ROMACT_TIME_SCALE),
  );
  const webhook = config.ROMACT_WEBHOOK_URL
    ? {
        url: config.ROMACT_WEBHOOK_URL,
        secret:
          config.ROMACT_WEBHOOK_SECRET ??
          (await step('cannot create the webhook secret', () =>
            readOrCreateSecretFile(join(config.ROMACT_DATA_DIR, 'webhook-secret')),
          )),
        retryForMs: config.ROMACT_WEBHOOK_RETRY_HOURS * 3_600_000,
      }
    : undefined;
  const smtp = config.ROMACT_SMTP_URL
    ? { url: config.ROMACT_SMTP_URL, from: config.ROMACT_SMTP_FROM }
    : undefined;
  if (smtp) await step(undefined, () => assertSmtpUrl(smtp.url));
  const secret = await step('cannot read the token secret', () =>
    loadOrCreateSecret(join(config.ROMACT_DATA_DIR, 'secret')),
  );
  runtime = await step('cannot open the local database', () =>
    startLocalRuntime({
      dataDir: config.ROMACT_DATA_DIR,
      clock: planning.clock,
      sweepShards: config.ROMACT_SWEEP_SHARDS,
      secret,
      countries: config.ROMACT_COUNTRIES.split(','),
      ...(config.ROMACT_PUBLIC_URL ? { publicUrl: config.ROMACT_PUBLIC_URL } : {}),
      ...(webhook ? { webhook } : {}),
      ...(smtp ? { smtp } : {}),
      log: (line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`),
    }),
  );
  const started = runtime;
  // Data written by an earlier version is brought up to date before any request or cycle reads it.
  const migration = await step('cannot migrate the local data', () => migrateLocalData(started));
  const migrated = migrationLine(migration);
  if (migrated) process.stdout.write(`${new Date().toISOString()} ${migrated}\n`);
  const locals = localRoutes(started, config);
  // The web app (web/): built here on first start or when its sources changed, served at `/`.
  await prepareWebApp((line) => process.stdout.write(`${line}\n`));
  server = createHttpServer({
    secret,
    handlerFor: (route) => started.routeHandler(route),
    localRoutes: locals,
    files: serveFiles(started.files),
    web: webAssets({ routes: [...apiRoutes, ...locals] }),
  });
  await listen(server, config.PORT, config.HOST);
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.HOST}:${port}`;
  // Links in messages open the web app this server serves, unless it is published elsewhere.
  if (!config.ROMACT_PUBLIC_URL) started.ports.settings.publicUrl = url;
  const resumed = await step('cannot resume the running cycles', () => started.resumeLiveCycles());
  const sweeper = startSweeper(
    config,
    (ms) => planning.clock.timerMs(ms),
    () => started.sweep(),
  );
  const saving = planning.keepSaved();

  const planningNow = planning.clock.now().toISOString();
  process.stdout.write(
    [
      `ROMACT engine listening on ${url} (ready in ${Date.now() - startedAt} ms)`,
      `  data:       ${config.ROMACT_DATA_DIR}`,
      `  clock:      ${config.ROMACT_TIME_SCALE === 1 ? 'real time' : `${config.ROMACT_TIME_SCALE}× real time, only while running`}; planning time ${planningNow}${planning.continuedFrom ? ' (continued from the last run)' : ''}`,
      `  resumed:    ${resumed.length} running cycle(s)`,
      `  web app:    ${url}/`,
      `  API docs:   ${url}/openapi.json`,
      `  outbox:     ${join(config.ROMACT_DATA_DIR, 'outbox')} (sweep every ${config.ROMACT_SWEEP_MINUTES} planning minutes)`,
      ...(webhook
        ? [
            `  webhook:    ${new URL(webhook.url).origin} (signed with ${config.ROMACT_WEBHOOK_SECRET ? 'ROMACT_WEBHOOK_SECRET' : join(config.ROMACT_DATA_DIR, 'webhook-secret')}; retried for ${config.ROMACT_WEBHOOK_RETRY_HOURS} h)`,
          ]
        : []),
      smtp
        ? `  email:      also sent through ${describeSmtpUrl(smtp.url)} as ${smtp.from}`
        : '  email:      to the outbox only (set ROMACT_SMTP_URL to send it)',
      `  try next:   npx romact demo`,
      '',
    ].join('\n'),
  );

  let stopping = false;
  async function shutdown(signal: string) {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    await sweeper.stop();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    await started.close();
    saving.stop();
    lock?.release();
    process.stdout.write(`ROMACT engine stopped (${signal})\n`);
    process.exit(0);
  }
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

try {
  await start();
} catch (error) {
  const message =
    error instanceof StartupError ? error.message : String((error as Error).message).split('\n')[0];
  process.stderr.write(`romact: cannot start: ${message}\n`);
  server?.close();
  await runtime?.close().catch(() => {});
  lock?.release();
  process.exit(1);
}
