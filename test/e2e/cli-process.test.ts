import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleOutputs } from '#workflows/templates/examples.ts';
import { removeDataDir, type ServerProcess, startServer, until } from '../support/server-process.ts';

/** The `romact` command as a person runs it: the real process against the real server. */

const ROOT = new URL('../../', import.meta.url).pathname;
let server: ServerProcess;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `romact` (cli/romact.js) with the server's data dir and URL; never throws on a non-zero exit. */
function romact(
  args: string[],
  options: { input?: string; env?: Record<string, string> } = {},
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['cli/romact.js', ...args], {
      cwd: ROOT,
      env: { ...process.env, ROMACT_DATA_DIR: server.dataDir, ROMACT_API_URL: server.url, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}

/** A port on which nothing listens. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const coordinatorHU = ['--countries', 'HU'];
const municipalityBody = (name: string) => ({
  name,
  country: 'HU',
  locale: 'hu',
  timeZone: 'Europe/Budapest',
  contacts: {
    municipality: [{ email: `${name.toLowerCase()}@example.org` }],
    cag: [{ phone: '+36301234567' }],
  },
});

async function putMunicipality(id: string) {
  const put = await romact([...coordinatorHU, 'municipality', 'put', id, '--data', '-'], {
    input: JSON.stringify(municipalityBody(id)),
  });
  expect(put, put.stderr).toMatchObject({ code: 0 });
}

beforeAll(async () => {
  server = await startServer();
  for (const id of ['hu-cli-a', 'hu-cli-b', 'hu-cli-c']) await putMunicipality(id);
});
afterAll(async () => {
  await server.kill('SIGTERM');
  removeDataDir(server);
});

describe('romact token', { timeout: 120_000 }, () => {
  it('mints the documented forms: --role coordinator --countries, --role municipality --municipality', async () => {
    const coordinator = await romact(['token', '--role', 'coordinator', '--countries', 'BG,RO']);
    expect(coordinator.code, coordinator.stderr).toBe(0);
    expect(decodeJwt(coordinator.stdout.trim())).toMatchObject({ role: 'coordinator', countries: 'BG,RO' });
    const municipality = await romact(['token', '--role', 'municipality', '--municipality', 'bg-sliven']);
    expect(municipality.code, municipality.stderr).toBe(0);
    expect(decodeJwt(municipality.stdout.trim())).toMatchObject({
      role: 'municipality',
      municipality: 'bg-sliven',
    });
  });

  it('refuses a coordinator token without countries, exit 2', async () => {
    const refused = await romact(['token', '--role', 'coordinator']);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr.trim()).toBe(
      'Error: --countries is required for a coordinator token, e.g. --countries BG,RO',
    );
  });
});

describe('romact --version', { timeout: 120_000 }, () => {
  it('prints the version of package.json', async () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(await romact(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });
});

describe('romact cycle start', { timeout: 120_000 }, () => {
  it('refuses --date without =value with exit 2, naming the option, and starts nothing', async () => {
    const refused = await romact([
      ...coordinatorHU,
      'cycle',
      'start',
      '--municipality-id',
      'hu-cli-c',
      '--date',
      'fundingCallClosesAt',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^Error: --date "fundingCallClosesAt": expected name=value/);
    const malformed = await romact([
      ...coordinatorHU,
      'cycle',
      'start',
      '--municipality-id',
      'hu-cli-c',
      '--due',
      '=P1D',
    ]);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toContain('--due "=P1D"');
    const listed = await romact([
      ...coordinatorHU,
      '--json',
      'cycle',
      'list',
      '--municipality-id',
      'hu-cli-c',
    ]);
    expect(JSON.parse(listed.stdout).items).toEqual([]);
  });

  it('always sends a client token: a random one is printed under --json and makes a retry idempotent', async () => {
    const start = (...extra: string[]) =>
      romact([...coordinatorHU, '--json', 'cycle', 'start', '--municipality-id', 'hu-cli-a', ...extra]);
    const first = await start();
    expect(first.code, first.stderr).toBe(0);
    const started = JSON.parse(first.stdout);
    expect(started.clientToken).toMatch(/^cli-[0-9a-f-]{36}$/);
    const retried = JSON.parse((await start('--client-token', started.clientToken)).stdout);
    expect(retried.cycleId).toBe(started.cycleId);

    const human = await romact([...coordinatorHU, 'cycle', 'start', '--municipality-id', 'hu-cli-b']);
    expect(human.code, human.stderr).toBe(0);
    expect(human.stdout).toMatch(/client token cli-[0-9a-f-]{36}/);
  });
});

describe('romact lists: --limit, --all, No results.', { timeout: 120_000 }, () => {
  it('cycle list --limit and --all follow nextCursor', async () => {
    const list = async (...args: string[]) => {
      const run = await romact([...coordinatorHU, '--json', 'cycle', 'list', '--country', 'HU', ...args]);
      expect(run.code, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as { items: { cycleId: string }[]; nextCursor?: string };
    };
    const all = await list('--all');
    expect(all.items).toHaveLength(2);
    expect(all.nextCursor).toBeUndefined();
    const one = await list('--limit', '1');
    expect(one.items).toHaveLength(1);
    expect(one.nextCursor).toEqual(expect.any(String));
    const human = await romact([...coordinatorHU, 'cycle', 'list', '--country', 'HU', '--limit', '1']);
    expect(human.stdout).toContain('More results: add --all, or --limit N.');
    expect((await list('--limit', '5')).items.map((cycle) => cycle.cycleId).sort()).toEqual(
      all.items.map((cycle) => cycle.cycleId).sort(),
    );
  });

  it('task list and notifications take --limit and --all', async () => {
    const municipality = ['--as', 'municipality', '--municipality', 'hu-cli-a'];
    const tasks = await until(async () => {
      const run = await romact([...municipality, '--json', 'task', 'list', '--all']);
      const page = JSON.parse(run.stdout);
      return page.items.length > 0 && page;
    });
    const limited = JSON.parse(
      (await romact([...municipality, '--json', 'task', 'list', '--limit', '1'])).stdout,
    );
    expect(limited.items).toEqual([tasks.items[0]]);

    const notifications = await until(async () => {
      const page = JSON.parse((await romact([...coordinatorHU, '--json', 'notifications', '--all'])).stdout);
      return page.items.length >= 2 && page;
    });
    const first = JSON.parse(
      (await romact([...coordinatorHU, '--json', 'notifications', '--limit', '1'])).stdout,
    );
    expect(first.items).toEqual([notifications.items[0]]);
    const both = await romact([...coordinatorHU, 'task', 'list', '--all', '--limit', '2']);
    expect(both).toMatchObject({ code: 2 });
  });

  it('task list --portfolio shows a coordinator the open tasks of every municipality, narrowed by --phase and --overdue', async () => {
    const portfolio = await until(async () => {
      const page = JSON.parse(
        (await romact([...coordinatorHU, '--json', 'task', 'list', '--portfolio', '--all'])).stdout,
      );
      return (
        page.items.filter((one: { assignee: string }) => one.assignee !== 'coordinator').length > 0 && page
      );
    });
    expect(new Set(portfolio.items.map((one: { country: string }) => one.country))).toEqual(new Set(['HU']));
    const phase = portfolio.items[0].phase as string;
    const narrowed = JSON.parse(
      (await romact([...coordinatorHU, '--json', 'task', 'list', '--portfolio', '--phase', phase, '--all']))
        .stdout,
    );
    expect(narrowed.items.length).toBeGreaterThan(0);
    expect(narrowed.items.every((one: { phase: string }) => one.phase === phase)).toBe(true);
    const late = await romact([...coordinatorHU, 'task', 'list', '--portfolio', '--overdue']);
    expect(late).toMatchObject({ code: 0, stdout: 'No results.\n' });
  });

  it('prints "No results." instead of a bare header', async () => {
    for (const args of [
      ['cycle', 'list', '--municipality-id', 'hu-cli-c'],
      ['--as', 'municipality', '--municipality', 'hu-cli-c', 'task', 'list'],
      ['notifications', '--cycle-id', 'cyc-none'],
    ]) {
      expect(await romact([...coordinatorHU, ...args])).toMatchObject({ code: 0, stdout: 'No results.\n' });
    }
  });
});

describe('romact notifications --undeliverable', { timeout: 120_000 }, () => {
  it('lists for a coordinator what nobody could receive (a task of a municipality with no staff yet), and refuses others', async () => {
    const put = await romact([...coordinatorHU, 'municipality', 'put', 'hu-cli-empty', '--data', '-'], {
      input: JSON.stringify({ name: 'Nobody yet', country: 'HU', locale: 'hu', timeZone: 'Europe/Budapest' }),
    });
    expect(put, put.stderr).toMatchObject({ code: 0 });
    const started = await romact([...coordinatorHU, 'cycle', 'start', '--municipality-id', 'hu-cli-empty']);
    expect(started, started.stderr).toMatchObject({ code: 0 });
    const kept = await until(async () => {
      const run = await romact([...coordinatorHU, '--json', 'notifications', '--undeliverable']);
      const page = JSON.parse(run.stdout);
      return (
        page.items.some((one: { municipalityId: string }) => one.municipalityId === 'hu-cli-empty') && page
      );
    });
    expect(
      kept.items.find((one: { municipalityId: string }) => one.municipalityId === 'hu-cli-empty'),
    ).toMatchObject({
      status: 'UNDELIVERABLE',
      role: 'municipality',
      kinds: ['assigned'],
    });
    const table = await romact([...coordinatorHU, 'notifications', '--undeliverable']);
    expect(table.stdout).toMatch(/^WHEN +TO ROLE +MUNICIPALITY/);
    expect(table.stdout).toContain('hu-cli-empty');
    const staff = await romact([
      '--as',
      'municipality',
      '--municipality',
      'hu-cli-a',
      'notifications',
      '--undeliverable',
    ]);
    expect(staff.code).toBe(1);
  });
});

describe('romact errors', { timeout: 120_000 }, () => {
  it('exits 3 on 404, 4 on 409, 2 on 400, and prints JSON errors on stderr under --json', async () => {
    const missing = await romact([
      ...coordinatorHU,
      'task',
      'show',
      'cyc-00000000000000000000.needs-assessment.r0',
    ]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/^Error 404: /);
    const missingJson = await romact([
      ...coordinatorHU,
      '--json',
      'task',
      'show',
      'cyc-00000000000000000000.needs-assessment.r0',
    ]);
    expect(missingJson).toMatchObject({ code: 3, stdout: '' });
    expect(JSON.parse(missingJson.stderr)).toMatchObject({ error: { code: 'NOT_FOUND', status: 404 } });

    const invalid = await romact([...coordinatorHU, '--json', 'cycle', 'list', '--status', 'NOPE']);
    expect(invalid.code).toBe(2);
    expect(JSON.parse(invalid.stderr).error).toMatchObject({
      code: 'INVALID_INPUT',
      status: 400,
      fields: [{ path: 'query.status' }],
    });

    const started = JSON.parse(
      (await romact([...coordinatorHU, '--json', 'cycle', 'list', '--municipality-id', 'hu-cli-b'])).stdout,
    ).items[0];
    const cancel = () => romact([...coordinatorHU, 'cycle', 'cancel', started.cycleId, '--reason', 'test']);
    expect((await cancel()).code).toBe(0);
    const again = await cancel();
    expect(again.code).toBe(4);
    expect(again.stderr).toMatch(/^Error 409: /);

    const bare = await romact(['--json', 'cycle']);
    expect(bare.code).toBe(2);
    expect(JSON.parse(bare.stderr)).toMatchObject({
      error: { message: 'a command is required: see romact --help' },
    });
    const usage = await romact(['--json', 'cycle', 'list', '--bogus']);
    expect(usage.code).toBe(2);
    expect(JSON.parse(usage.stderr)).toEqual({
      error: { code: 'INVALID_INPUT', message: "unknown option '--bogus'", fields: [] },
    });
  });

  it('reads --data from standard input, and says in one line what is wrong with a file (exit 2)', async () => {
    const municipality = ['--as', 'municipality', '--municipality', 'hu-cli-a'];
    const task = (await romact([...municipality, '--json', 'task', 'list'])).stdout;
    const taskId = JSON.parse(task).items[0].taskId as string;
    for (const [data, message] of [
      ['no-such-file.json', /^Error: no-such-file\.json: no such file\n$/],
      ['examples', /^Error: examples is a directory, not a JSON file\n$/],
      ['package-lock.json/x', /^Error: package-lock\.json\/x: no such file\n$/],
    ] as const) {
      const run = await romact([...municipality, 'task', 'complete', taskId, '--data', data]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(message);
    }
    const notJson = await romact([...municipality, '--json', 'task', 'complete', taskId, '--data', '-'], {
      input: '{"priorities":',
    });
    expect(notJson.code).toBe(2);
    expect(JSON.parse(notJson.stderr).error.message).toMatch(/^standard input is not valid JSON/);

    const done = await romact([...municipality, 'task', 'complete', taskId, '--data', '-'], {
      input: JSON.stringify(exampleOutputs['needs-assessment']),
    });
    expect(done, done.stderr).toMatchObject({ code: 0, stdout: `Completed ${taskId}\n` });
  });

  it('says which URL it cannot reach and that no server listens there (exit 5)', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    for (const args of [
      ['cycle', 'list'],
      ['cycle', 'show', 'cyc-x'],
      ['municipality', 'calendar', 'hu-cli-a'],
      ['demo'],
    ]) {
      const run = await romact(['--api-url', url, ...args]);
      expect(run.code, args.join(' ')).toBe(5);
      expect(run.stderr).toMatch(new RegExp(`^Error: Cannot reach ${url}/\\S*: no server is listening on `));
    }
    const json = await romact(['--json', 'cycle', 'list'], { env: { ROMACT_API_URL: url } });
    expect(json.code).toBe(5);
    expect(JSON.parse(json.stderr).error).toMatchObject({ code: 'UNREACHABLE' });

    const noSecret = await romact(['cycle', 'list'], {
      env: { ROMACT_API_URL: url, ROMACT_DATA_DIR: join(server.dataDir, 'nowhere') },
    });
    expect(noSecret.code).toBe(5);
    expect(noSecret.stderr).toContain(`no server answers at ${url} either`);
  });

  it('says when the server at the URL is not a ROMACT API (exit 5)', async () => {
    const other: Server = createServer((_request, response) => response.end('<html>hello</html>'));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
    try {
      const run = await romact(['--api-url', url, 'cycle', 'list']);
      expect(run.code).toBe(5);
      expect(run.stderr).toContain(
        `${url}/cycles answered HTTP 200 with a body that is not JSON: a server runs there, but it does not look like the ROMACT API`,
      );
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
    }
  });
});
