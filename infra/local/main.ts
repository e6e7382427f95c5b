import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { apiRoutes } from '#functions/routes.ts';
import { logger } from '#functions/shared/logger.ts';
import { loadOrCreateSecret } from './auth.ts';
import { clockFor, readConfig } from './config.ts';
import { createHttpServer } from './http-server.ts';
import { localRoutes } from './local-routes.ts';
import { startLocalRuntime } from './runtime.ts';
import { startSweeper } from './sweeper-timer.ts';
import { prepareWebApp, webAssets } from './web-assets.ts';

/**
 * `npm start`: the whole engine in one process, offline. dynalite persisted in the data dir, every template's
 * compiled ASL on the local interpreter, the HTTP API with JWT auth, and the deadline sweep on a timer.
 */
const startedAt = Date.now();
const config = readConfig();
const clock = clockFor(config.ROMACT_DATA_DIR, config.ROMACT_TIME_SCALE);
const runtime = await startLocalRuntime({
  dataDir: config.ROMACT_DATA_DIR,
  clock,
  ...(config.ROMACT_WEBHOOK_URL ? { webhookUrl: config.ROMACT_WEBHOOK_URL } : {}),
  log: (line) => process.stdout.write(`${new Date().toISOString()} ${line}\n`),
});
const secret = loadOrCreateSecret(join(config.ROMACT_DATA_DIR, 'secret'));
const locals = localRoutes(runtime, config);
// The web app (web/): built here on first start or when its sources changed, served at `/`.
await prepareWebApp((line) => process.stdout.write(`${line}\n`));
const web = webAssets({ routes: [...apiRoutes, ...locals] });
const server = createHttpServer({
  secret,
  handlerFor: (route) => runtime.routeHandler(route),
  localRoutes: locals,
  web,
});
server.listen(config.PORT, config.HOST);
await new Promise<void>((resolve) => server.once('listening', () => resolve()));
const { port } = server.address() as AddressInfo;
const url = `http://${config.HOST}:${port}`;
const resumed = await runtime.resumeLiveCycles();
const sweeper = startSweeper(
  config,
  (ms) => clock.timerMs(ms),
  () => runtime.sweep(),
);

process.stdout.write(
  [
    `ROMACT engine listening on ${url} (ready in ${Date.now() - startedAt} ms)`,
    `  data:       ${config.ROMACT_DATA_DIR}`,
    `  clock:      ${config.ROMACT_TIME_SCALE === 1 ? 'real time' : `${config.ROMACT_TIME_SCALE}× (planning time ${clock.now().toISOString()})`}`,
    `  resumed:    ${resumed.length} running cycle(s)`,
    `  web app:    ${url}/`,
    `  API docs:   ${url}/openapi.json`,
    `  outbox:     ${join(config.ROMACT_DATA_DIR, 'outbox')} (sweep every ${config.ROMACT_SWEEP_MINUTES} planning minutes)`,
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
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await runtime.close();
  process.stdout.write(`ROMACT engine stopped (${signal})\n`);
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));
