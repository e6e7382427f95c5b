import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outputs } from '../support/api.ts';
import { http, removeDataDir, type ServerProcess, startServer, until } from '../support/server-process.ts';

const run = promisify(execFile);
let server: ServerProcess;
const tokens: Record<string, string> = {};
const municipalityId = 'bg-e2e';

beforeAll(async () => {
  server = await startServer();
  tokens.coordinator = await server.token({ role: 'coordinator', countries: 'BG' });
  tokens.municipality = await server.token({ role: 'municipality', municipality: municipalityId });
  tokens.cag = await server.token({ role: 'cag', municipality: municipalityId });
  const put = await http(server, 'PUT', `/municipalities/${municipalityId}`, tokens.coordinator, {
    name: 'Sliven – Nadezhda',
    country: 'BG',
    locale: 'bg',
    timeZone: 'Europe/Sofia',
    contacts: { municipality: [{ email: 'contact@sliven.example' }], cag: [{ phone: '+359888123456' }] },
  });
  expect(put.status).toBe(200);
});
afterAll(async () => {
  await server.kill('SIGTERM');
  removeDataDir(server);
});

async function inboxTask(role: 'municipality' | 'cag', taskKey: string, revision = 0) {
  return until(async () => {
    const inbox = await http(server, 'GET', '/tasks', tokens[role]);
    return inbox.body.items?.find(
      (task: { taskKey: string; revision: number }) => task.taskKey === taskKey && task.revision === revision,
    );
  });
}

async function complete(role: 'municipality' | 'cag', taskKey: string, body: unknown, revision = 0) {
  const task = await inboxTask(role, taskKey, revision);
  const response = await http(server, 'POST', `/tasks/${task.taskId}/complete`, tokens[role], body);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
}

describe('The server process, driven over HTTP by three roles', () => {
  it('answers /health and serves an OpenAPI document generated from the schemas', async () => {
    expect((await http(server, 'GET', '/health')).body.status).toBe('ok');
    const openapi = (await http(server, 'GET', '/openapi.json')).body;
    expect(Object.keys(openapi.paths)).toContain('/tasks/{id}/complete');
    expect(openapi.paths['/cycles'].post.requestBody.content['application/json'].schema.required).toContain(
      'municipalityId',
    );
  });

  it('refuses requests without a valid token', async () => {
    expect((await http(server, 'GET', '/cycles')).status).toBe(401);
    expect((await http(server, 'GET', '/cycles', 'not-a-jwt')).status).toBe(401);
    const forged = `${tokens.coordinator?.slice(0, -4)}AAAA`;
    expect((await http(server, 'GET', '/cycles', forged)).status).toBe(401);
  });

  it('runs a full ROMACT cycle with a rejected plan and its revision', async () => {
    const started = await http(server, 'POST', '/cycles', tokens.coordinator, {
      municipalityId,
      clientToken: 'e2e-1',
    });
    expect(started.status).toBe(201);
    const cycleId = started.body.cycleId;

    await complete('municipality', 'needs-assessment', outputs['needs-assessment']);
    await complete('cag', 'community-consultation', outputs['community-consultation']);
    await complete('cag', 'cag-endorsement', outputs.reject);
    // The CAG's rejection ends the approval round: the council's vote is no longer asked for.
    await complete('cag', 'community-consultation', outputs['community-consultation'], 1);
    const councilTasks = (await http(server, 'GET', '/tasks', tokens.municipality)).body.items;
    expect(councilTasks.filter((task: { taskKey: string }) => task.taskKey === 'council-decision')).toEqual(
      [],
    );
    await complete('cag', 'cag-endorsement', outputs.approve, 1);
    await complete('municipality', 'council-decision', outputs.approve, 1);
    await complete('municipality', 'funding-applications', outputs['funding-applications'], 1);
    await complete('municipality', 'monitoring-report', outputs.nextCycle, 1);

    const finished = await until(async () => {
      const cycle = (await http(server, 'GET', `/cycles/${cycleId}`, tokens.coordinator)).body;
      return cycle.status === 'COMPLETED' && cycle.nextCycleId && cycle;
    });
    expect(finished.phases).toHaveLength(7);
    const next = (await http(server, 'GET', `/cycles/${finished.nextCycleId}`, tokens.municipality)).body;
    expect(next).toMatchObject({ status: 'RUNNING', previousCycleId: cycleId, municipalityId });
  });

  it('works through the CLI: start, list, complete and show', async () => {
    const env = { ...process.env, ROMACT_API_URL: server.url, ROMACT_DATA_DIR: server.dataDir };
    const cli = (...args: string[]) =>
      run(process.execPath, ['cli/romact.js', ...args], {
        env,
        cwd: new URL('../../', import.meta.url).pathname,
      });

    const started = JSON.parse(
      (
        await cli(
          '--json',
          '--countries',
          'BG',
          'cycle',
          'start',
          '--municipality-id',
          municipalityId,
          '--client-token',
          'cli-1',
          // The cycle of the test before runs on (its next cycle): this one runs beside it on purpose.
          '--parallel',
        )
      ).stdout,
    );
    expect(started.status).toBe('RUNNING');
    expect((await cli('cycle', 'list', '--municipality-id', municipalityId)).stdout).toContain(
      started.cycleId,
    );

    const task = await until(async () => {
      const listed = JSON.parse(
        (await cli('--json', '--as', 'municipality', '--municipality', municipalityId, 'task', 'list'))
          .stdout,
      );
      return listed.items.find((one: { cycleId: string }) => one.cycleId === started.cycleId);
    });
    const file = join(server.dataDir, 'assessment.json');
    writeFileSync(file, JSON.stringify(outputs['needs-assessment']));
    const completed = await cli(
      '--as',
      'municipality',
      '--municipality',
      municipalityId,
      'task',
      'complete',
      task.taskId,
      '--data',
      file,
    );
    expect(completed.stdout).toContain(`Completed ${task.taskId}`);

    const shown = await until(async () => {
      const out = (await cli('cycle', 'show', started.cycleId)).stdout;
      return out.includes('consultation') && out;
    });
    expect(shown).toMatch(/assessment\s+0\s+\S+\s+\S+\s+\S+\s+done on time/);
    expect(shown).toContain('Open tasks:');

    const refused = await cli(
      '--as',
      'cag',
      '--municipality',
      municipalityId,
      'task',
      'complete',
      task.taskId,
      '--data',
      file,
    ).catch((error: { code: number; stderr: string }) => error);
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toMatch(/Error 403/);
  });
});
