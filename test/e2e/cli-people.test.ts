import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDataDir, type ServerProcess, startServer } from '../support/server-process.ts';
import { latestCode, send } from './support/sign-in.ts';

/** `romact login | whoami | switch | logout | admin create-user`: the real CLI process against the real server. */

const ROOT = new URL('../../', import.meta.url).pathname;
let server: ServerProcess;
let configDir: string;
let admin: string;

/** Runs `romact` with the server's data dir and URL, and its own sessions folder; never throws on an exit code. */
function romact(
  args: string[],
  input = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['cli/romact.js', ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        ROMACT_DATA_DIR: server.dataDir,
        ROMACT_API_URL: server.url,
        ROMACT_CONFIG_DIR: configDir,
      },
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
    child.stdin.end(input);
  });
}

beforeAll(async () => {
  server = await startServer();
  configDir = mkdtempSync(join(tmpdir(), 'romact-cli-config-'));
  admin = await server.token({ role: 'coordinator', countries: 'BG,RO' });
  for (const [id, country] of [
    ['bg-cli', 'BG'],
    ['ro-cli', 'RO'],
  ] as const) {
    const body = { name: id, country, locale: 'en', timeZone: 'Europe/Sofia' };
    expect((await send(server, 'PUT', `/municipalities/${id}`, { token: admin, body })).status).toBe(200);
  }
});
afterAll(async () => {
  await server?.kill('SIGTERM');
  if (server) removeDataDir(server);
  rmSync(configDir, { recursive: true, force: true });
});

/** Asks for a code through the API (as `romact login` does first) and reads it from the outbox. */
async function codeFor(address: string) {
  const channel = address.startsWith('+') ? 'sms' : 'email';
  expect((await send(server, 'POST', '/auth/start', { body: { channel, address } })).status).toBe(202);
  return (await latestCode(server, admin, address)).code;
}

describe('romact for people', { timeout: 120_000 }, () => {
  it('makes the first coordinator with admin create-user --countries, who then signs in', async () => {
    const created = await romact([
      'admin',
      'create-user',
      '--role',
      'coordinator',
      '--countries',
      'BG,RO',
      '--name',
      'First Coordinator',
      '--email',
      'first@romact.example',
    ]);
    expect(created, created.stderr).toMatchObject({ code: 0 });
    expect(created.stdout).toContain('coordinator of BG, RO');

    const login = await romact([
      'login',
      '--email',
      'first@romact.example',
      '--code',
      await codeFor('first@romact.example'),
    ]);
    expect(login, login.stderr).toMatchObject({ code: 0 });
    expect(login.stdout).toContain('Signed in as First Coordinator, coordinator of BG, RO.');
    // The session file is the person's alone.
    expect(statSync(join(configDir, 'sessions.json')).mode & 0o777).toBe(0o600);
    const whoami = await romact(['whoami']);
    expect(whoami.stdout).toMatch(/^\* mbr-[0-9a-f]{20} {2}coordinator of BG, RO$/m);
    expect((await romact(['logout'])).stdout).toContain('Signed out.');
  });

  it('says in one line that no code was entered when the input ends at the prompt (exit 2), instead of exit 13', async () => {
    await romact([
      'admin',
      'create-user',
      '--role',
      'coordinator',
      '--countries',
      'BG',
      '--name',
      'No Code',
      '--email',
      'nocode@romact.example',
    ]);
    const login = await romact(['login', '--email', 'nocode@romact.example'], '');
    expect(login.code, login.stderr).toBe(2);
    expect(login.stderr).toContain('No code was entered');
    expect(login.stderr).not.toMatch(/\n\s+at /);
  });

  it('adds staff with admin create-user even while a CAG member is signed in on the machine', async () => {
    const cag = await send(server, 'POST', '/users', {
      token: admin,
      body: { displayName: 'Signed In CAG', role: 'cag', municipalityId: 'bg-cli', phone: '+359888900001' },
    });
    expect(cag.status).toBe(201);
    const login = await romact([
      'login',
      '--phone',
      '+359888900001',
      '--code',
      await codeFor('+359888900001'),
    ]);
    expect(login, login.stderr).toMatchObject({ code: 0 });

    const staff = await romact([
      'admin',
      'create-user',
      '--role',
      'municipality',
      '--municipality-id',
      'bg-cli',
      '--name',
      'New Staff',
      '--email',
      'new.staff@cli.example',
    ]);
    expect(staff, staff.stderr).toMatchObject({ code: 0 });
    expect(staff.stdout).toContain('municipal staff of bg-cli');
    // The CAG member's own session is untouched.
    expect((await romact(['whoami'])).stdout).toContain('Signed In CAG');
    await romact(['logout']);
  });

  it('switches memberships, and a refused switch keeps the session', async () => {
    const address = 'two.hats@cli.example';
    for (const [id, role] of [
      ['bg-cli', 'cag'],
      ['ro-cli', 'municipality'],
    ] as const) {
      const invited = await send(server, 'POST', `/municipalities/${id}/invitations`, {
        token: admin,
        body: { role, displayName: 'Two Hats', channel: 'email', address },
      });
      expect(invited.status).toBe(201);
    }
    const login = await romact(['login', '--email', address, '--code', await codeFor(address)]);
    expect(login.stdout).toContain('Switch with `romact switch <membership>`');
    const me = JSON.parse((await romact(['--json', 'whoami'])).stdout);
    const other = me.memberships.find(
      (one: { membershipId: string }) => one.membershipId !== me.activeMembershipId,
    );

    const refused = await romact(['switch', 'mbr-00000000000000000000']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^Error 403: /);
    const switched = await romact(['switch', other.membershipId]);
    expect(switched, switched.stderr).toMatchObject({ code: 0 });
    expect(switched.stdout).toMatch(/^Now acting as (CAG member|municipal staff) of /);
    const after = JSON.parse((await romact(['--json', 'whoami'])).stdout);
    expect(after.activeMembershipId).toBe(other.membershipId);
  });
});
