import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { once } from 'node:events';
import {
  appendFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { http, removeDataDir, type ServerProcess, startServer, until } from '../support/server-process.ts';

const ROOT = new URL('../../', import.meta.url).pathname;
const servers: ServerProcess[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const server of servers) {
    await server.kill('SIGTERM');
    removeDataDir(server);
  }
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function started(options: Parameters<typeof startServer>[0] = {}) {
  const server = await startServer(options);
  servers.push(server);
  return server;
}

/** Runs a process that is expected to stop on its own; returns its exit code and what it printed. */
function runToExit(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, POWERTOOLS_LOG_LEVEL: 'ERROR', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Still running after 30 s:\n${stdout}${stderr}`));
    }, 30_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const startServerToExit = (env: Record<string, string>) =>
  runToExit(['--import', 'tsx', 'infra/local/main.ts'], { PORT: '0', ...env });

/** Lines the program itself printed (Node's own deprecation and version warnings left out). */
const ownLines = (text: string) =>
  text.split('\n').filter((line) => line.startsWith('romact:') || line.startsWith('Invalid deploy config'));
const stackFrames = (text: string) => text.split('\n').filter((line) => /^\s+at /.test(line));

const modeOf = (path: string) => statSync(path).mode & 0o777;
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'romact-startup-'));
  dirs.push(dir);
  return dir;
};

describe('npm start: refusing to start, in one line', () => {
  it('refuses a second server on the same data dir, naming the pid that holds it', async () => {
    const first = await started();

    const second = await startServerToExit({ ROMACT_DATA_DIR: first.dataDir });

    expect(second.code).toBe(1);
    expect(ownLines(second.stderr)).toEqual([
      `romact: cannot start: another ROMACT server (pid ${first.process.pid}) is already using ${first.dataDir}: stop it, or set ROMACT_DATA_DIR`,
    ]);
    expect(stackFrames(second.stderr + second.stdout)).toEqual([]);
    expect((await http(first, 'GET', '/health')).status).toBe(200);
  });

  it('refuses a port already in use', async () => {
    const first = await started();
    const port = new URL(first.url).port;

    const second = await startServerToExit({ ROMACT_DATA_DIR: tempDir(), PORT: port });

    expect(second.code).toBe(1);
    expect(ownLines(second.stderr)).toEqual([
      `romact: cannot start: port ${port} on 127.0.0.1 is already in use (another ROMACT server?): stop it, or set PORT`,
    ]);
    expect(stackFrames(second.stderr + second.stdout)).toEqual([]);
  });

  it('refuses a bad setting, naming the variable', async () => {
    const result = await startServerToExit({ ROMACT_DATA_DIR: tempDir(), ROMACT_TIME_SCALE: 'fast' });
    expect(result.code).toBe(1);
    expect(ownLines(result.stderr)).toHaveLength(1);
    expect(ownLines(result.stderr)[0]).toMatch(/^romact: cannot start: .*ROMACT_TIME_SCALE/);
    expect(stackFrames(result.stderr)).toEqual([]);
  });

  it('turns a failure to open the store into one line instead of a stack trace', async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, 'dynamodb'), 'not a directory');

    const result = await startServerToExit({ ROMACT_DATA_DIR: dataDir });

    expect(result.code).toBe(1);
    expect(ownLines(result.stderr)).toHaveLength(1);
    expect(ownLines(result.stderr)[0]).toMatch(/^romact: cannot start: cannot open the local database: /);
    expect(stackFrames(result.stderr + result.stdout)).toEqual([]);
    // The lock is released on the way out: the next start is not refused.
    expect(readdirSync(dataDir)).not.toContain('server.lock');
  });

  it('names every wrong field of a bad regions config for cdk synth, without a stack trace', async () => {
    const path = join(tempDir(), 'regions.json');
    writeFileSync(
      path,
      JSON.stringify({
        stage: 'prod',
        regions: [{ region: 'mars-1', countries: [], alarmEmail: 'x', smsSenderId: 'ROMACT' }],
      }),
    );
    const result = await runToExit(['--import', 'tsx', 'infra/aws/app.ts'], { ROMACT_DEPLOY_CONFIG: path });
    expect(result.code).toBe(1);
    const [line, ...more] = ownLines(result.stderr);
    expect(more).toEqual([]);
    expect(line).toMatch(/regions\.0\.region: must be an AWS region/);
    expect(line).toMatch(/regions\.0\.countries/);
    expect(line).toMatch(/regions\.0\.alarmEmail/);
    expect(stackFrames(result.stderr)).toEqual([]);

    writeFileSync(path, '{"stage": "prod", ');
    const torn = await runToExit(['--import', 'tsx', 'infra/aws/app.ts'], { ROMACT_DEPLOY_CONFIG: path });
    expect(torn.code).toBe(1);
    expect(torn.stderr).toContain(`Cannot read deploy config ${path}: `);
    expect(stackFrames(torn.stderr)).toEqual([]);
  });
});

describe('npm start: data files', () => {
  it('keeps every file of the data dir readable by its owner only, outbox and store included', async () => {
    const server = await started({ env: { ROMACT_TIME_SCALE: '900' } });
    const coordinator = await server.token({ role: 'coordinator', countries: 'BG' });
    await http(server, 'PUT', '/municipalities/bg-private', coordinator, {
      name: 'Private',
      country: 'BG',
      locale: 'bg',
      timeZone: 'Europe/Sofia',
      contacts: { municipality: [{ email: 'mayor@private.example' }] },
    });
    await http(server, 'POST', '/cycles', coordinator, { municipalityId: 'bg-private', clientToken: 'p-1' });
    await until(async () => (await http(server, 'GET', '/outbox', coordinator)).body?.items?.length);

    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
        entry.isDirectory()
          ? [join(dir, entry.name), ...walk(join(dir, entry.name))]
          : [join(dir, entry.name)],
      );
    const entries = walk(server.dataDir);
    expect(entries.some((path) => path.endsWith('.txt'))).toBe(true);
    expect(entries.some((path) => path.endsWith('outbox.jsonl'))).toBe(true);
    expect(modeOf(server.dataDir)).toBe(0o700);
    for (const path of entries) {
      expect([path, modeOf(path)]).toEqual([path, statSync(path).isDirectory() ? 0o700 : 0o600]);
    }
  });

  it('starts despite a torn last outbox line, an empty clock.json and an empty secret, with a warning each', async () => {
    // Prepare: a server that delivered a notice, stopped; then the damage a crash or a full disk leaves.
    const first = await started({ env: { ROMACT_TIME_SCALE: '900' } });
    const coordinator = await first.token({ role: 'coordinator', countries: 'BG' });
    await http(first, 'PUT', '/municipalities/bg-damaged', coordinator, {
      name: 'Damaged',
      country: 'BG',
      locale: 'bg',
      timeZone: 'Europe/Sofia',
      contacts: { municipality: [{ email: 'mayor@damaged.example' }] },
    });
    await http(first, 'POST', '/cycles', coordinator, { municipalityId: 'bg-damaged', clientToken: 't-1' });
    const before = await until(async () => {
      const items = (await http(first, 'GET', '/outbox', coordinator)).body?.items;
      return items?.length ? items : undefined;
    });
    expect(await first.kill('SIGTERM')).toBe(0);
    const outbox = join(first.dataDir, 'outbox', 'outbox.jsonl');
    appendFileSync(outbox, '{"messageId":"TORN-MARKER","channel":"em');
    writeFileSync(join(first.dataDir, 'clock.json'), '');
    writeFileSync(join(first.dataDir, 'secret'), '');

    // Act
    const second = await started({ dataDir: first.dataDir, env: { ROMACT_TIME_SCALE: '900' } });

    // Assess
    const warnings = second
      .output()
      .split('\n')
      .filter((line) => line.startsWith('romact: warning:'));
    expect(warnings).toHaveLength(3);
    expect(warnings.join('\n')).toMatch(/outbox\.jsonl/);
    expect(warnings.join('\n')).toMatch(/clock\.json/);
    expect(warnings.join('\n')).toMatch(/secret/);
    const fresh = await second.token({ role: 'coordinator', countries: 'BG' });
    const after = (await http(second, 'GET', '/outbox', fresh)).body.items;
    expect(after.slice(0, before.length)).toEqual(before);
    expect(readFileSync(outbox, 'utf8')).not.toContain('TORN-MARKER');
    expect(readFileSync(outbox, 'utf8').endsWith('\n')).toBe(true);
  });
});

describe('npm start: planning time under ROMACT_TIME_SCALE', () => {
  it('does not advance while the server is down, and the banner says what planning time it is', async () => {
    const scale = 86_400;
    const first = await started({ env: { ROMACT_TIME_SCALE: String(scale) } });
    expect(first.output()).toMatch(/planning time \d{4}-\d\d-\d\dT/);
    expect(await first.kill('SIGTERM')).toBe(0);
    const savedAtStop = Date.parse(
      JSON.parse(readFileSync(join(first.dataDir, 'clock.json'), 'utf8')).planningTime,
    );

    await new Promise((resolve) => setTimeout(resolve, 3_000)); // three planning days if the clock ran on
    const spawnedAt = Date.now();
    const second = await started({ dataDir: first.dataDir, env: { ROMACT_TIME_SCALE: String(scale) } });
    const bannerSeenAt = Date.now();

    const banner = /planning time (\S+) \(continued from the last run\)/.exec(second.output());
    expect(banner, second.output()).not.toBeNull();
    const planningAtStart = Date.parse(banner?.[1] ?? '');
    // Only the time this process has been running may have been added, never the downtime.
    expect(planningAtStart).toBeGreaterThanOrEqual(savedAtStop);
    expect(planningAtStart - savedAtStop).toBeLessThanOrEqual((bannerSeenAt - spawnedAt) * scale);
  });
});

describe('npm start: the webhook', () => {
  it('posts each notification signed with the generated webhook-secret, and says so in the banner', async () => {
    const received: { signature: string; key: string; body: string }[] = [];
    const hook = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => {
        body += String(chunk);
      });
      request.on('end', () => {
        received.push({
          signature: String(request.headers['romact-signature']),
          key: String(request.headers['idempotency-key']),
          body,
        });
        response.writeHead(received.length === 1 ? 503 : 204).end(); // the first post is retried
      });
    });
    hook.listen(0, '127.0.0.1');
    await once(hook, 'listening');
    try {
      const url = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook?key=not-for-logs`;
      const server = await started({ env: { ROMACT_WEBHOOK_URL: url, ROMACT_TIME_SCALE: '900' } });
      expect(server.output()).toMatch(/webhook: {4}http:\/\/127\.0\.0\.1:\d+ \(signed with .*webhook-secret/);
      expect(server.output()).not.toContain('not-for-logs');
      const coordinator = await server.token({ role: 'coordinator', countries: 'BG' });
      await http(server, 'PUT', '/municipalities/bg-hook', coordinator, {
        name: 'Hook',
        country: 'BG',
        locale: 'bg',
        timeZone: 'Europe/Sofia',
        contacts: { municipality: [{ email: 'mayor@hook.example' }] },
      });
      await http(server, 'POST', '/cycles', coordinator, { municipalityId: 'bg-hook', clientToken: 'h-1' });

      await until(async () => received.length >= 2);

      const secretPath = join(server.dataDir, 'webhook-secret');
      expect(modeOf(secretPath)).toBe(0o600);
      const secret = readFileSync(secretPath, 'utf8').trim();
      const [first, second] = received;
      expect(second?.key).toBe(first?.key);
      expect(second?.body).toBe(first?.body);
      const { t, v1 } = Object.fromEntries(
        String(second?.signature)
          .split(',')
          .map((part) => part.split('=', 2) as [string, string]),
      );
      expect(v1).toBe(createHmac('sha256', secret).update(`${t}.${second?.body}`).digest('hex'));
      expect(JSON.parse(String(second?.body)).messageId).toBe(second?.key);
    } finally {
      hook.closeAllConnections();
      await new Promise((resolve) => hook.close(resolve));
    }
  });
});
