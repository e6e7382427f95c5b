import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateSecret, mintToken, type TokenClaims } from '#shared/adapters/local/tokens.ts';

/** The real server process (what `npm start` runs) on a free port with its own data dir. */
export interface ServerProcess {
  url: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  startupMs: number;
  token(claims: TokenClaims): Promise<string>;
  kill(signal: NodeJS.Signals): Promise<number | null>;
}

const ROOT = new URL('../../', import.meta.url).pathname;

/** Starts the server and resolves when it prints its URL. */
export async function startServer(
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<ServerProcess> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'romact-e2e-'));
  const started = Date.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      ROMACT_DATA_DIR: dataDir,
      POWERTOOLS_LOG_LEVEL: 'ERROR',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on('data', (chunk) => {
    output += String(chunk);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Server did not start:\n${output}`)), 30_000);
    const onData = () => {
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Server exited with ${code}:\n${output}`)));
  });
  const health = await fetch(`${url}/health`);
  if (!health.ok) throw new Error('Server is not healthy');
  const startupMs = Date.now() - started;
  return {
    url,
    dataDir,
    process: child,
    output: () => output,
    startupMs,
    token: async (claims) => mintToken(loadOrCreateSecret(join(dataDir, 'secret')), claims, '1h'),
    kill: (signal) =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}

/** Removes a server's data dir. */
export function removeDataDir(server: ServerProcess) {
  // A killed server's last writes may still land while the folder goes: retry as `rm -rf` would.
  rmSync(server.dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}

/** A JSON request to the server. */
export async function http(
  server: ServerProcess,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Polls until `check` returns a value. */
export { eventually as until } from './eventually.ts';
