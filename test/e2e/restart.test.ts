import { afterAll, describe, expect, it } from 'vitest';
import { outputs } from '../support/api.ts';
import { http, removeDataDir, type ServerProcess, startServer, until } from '../support/server-process.ts';

let server: ServerProcess;
afterAll(async () => {
  if (process.env.DEBUG_E2E) {
    const coordinator = await server.token({ role: 'coordinator', countries: 'BG,RO' });
    const cycles = (await http(server, 'GET', '/cycles', coordinator)).body.items;
    for (const cycle of cycles) {
      const full = (await http(server, 'GET', `/cycles/${cycle.cycleId}`, coordinator)).body;
      console.log(
        full.status,
        full.currentPhase,
        JSON.stringify(full.audit.slice(-4)),
        JSON.stringify(full.tasks.map((t: any) => [t.taskKey, t.status, t.tokenDelivered, t.version])),
      );
    }
  }
  await server.kill('SIGTERM');
  removeDataDir(server);
});

const municipalities = ['bg-restart', 'ro-restart'];

describe('Restarts lose nothing', () => {
  it('resumes both cycles after SIGKILL with the same tasks, due dates and audit trail, then finishes them', async () => {
    server = await startServer();
    const coordinator = await server.token({ role: 'coordinator', countries: 'BG,RO' });
    const tokenOf = (role: 'municipality' | 'cag', municipality: string) =>
      server.token({ role, municipality });
    for (const id of municipalities) {
      await http(server, 'PUT', `/municipalities/${id}`, coordinator, {
        name: id,
        country: id.slice(0, 2).toUpperCase(),
        locale: id.slice(0, 2),
        timeZone: 'Europe/Sofia',
      });
    }
    const cycleIds: string[] = [];
    for (const id of municipalities) {
      cycleIds.push(
        (await http(server, 'POST', '/cycles', coordinator, { municipalityId: id })).body.cycleId,
      );
    }
    const openTask = async (
      role: 'municipality' | 'cag',
      municipality: string,
      taskKey: string,
      revision = 0,
    ) => {
      const token = await tokenOf(role, municipality);
      return until(async () => {
        const inbox = await http(server, 'GET', '/tasks', token);
        return inbox.body?.items?.find(
          (task: { taskKey: string; revision: number }) =>
            task.taskKey === taskKey && task.revision === revision,
        );
      });
    };
    const complete = async (
      role: 'municipality' | 'cag',
      municipality: string,
      taskKey: string,
      body: unknown,
      revision = 0,
    ) => {
      const task = await openTask(role, municipality, taskKey, revision);
      const response = await http(
        server,
        'POST',
        `/tasks/${task.taskId}/complete`,
        await tokenOf(role, municipality),
        body,
      );
      expect(response.status, JSON.stringify(response.body)).toBe(200);
    };
    // Cycle 1 moves into the joint approval with one approval given; cycle 2 waits on its first task.
    await complete('municipality', 'bg-restart', 'needs-assessment', outputs['needs-assessment']);
    await complete('cag', 'bg-restart', 'community-consultation', outputs['community-consultation']);
    await complete('cag', 'bg-restart', 'cag-endorsement', outputs.approve);
    await openTask('municipality', 'bg-restart', 'council-decision');
    await openTask('municipality', 'ro-restart', 'needs-assessment');
    const before = await Promise.all(
      cycleIds.map(async (id) => (await http(server, 'GET', `/cycles/${id}`, coordinator)).body),
    );

    expect(await server.kill('SIGKILL')).toBe(null);
    server = await startServer({ dataDir: server.dataDir });
    expect(server.output()).toContain('resumed:    2 running cycle(s)');

    const afterRestart = await Promise.all(
      cycleIds.map(async (id) => (await http(server, 'GET', `/cycles/${id}`, coordinator)).body),
    );
    for (const [index, cycle] of afterRestart.entries()) {
      const previous = before[index];
      expect(cycle.currentPhase).toBe(previous.currentPhase);
      expect(cycle.tasks.map((task: { taskId: string; dueAt: string }) => [task.taskId, task.dueAt])).toEqual(
        previous.tasks.map((task: { taskId: string; dueAt: string }) => [task.taskId, task.dueAt]),
      );
    }

    await complete('municipality', 'bg-restart', 'council-decision', outputs.approve);
    await complete('municipality', 'bg-restart', 'funding-applications', outputs['funding-applications']);
    await complete('municipality', 'bg-restart', 'monitoring-report', outputs.close);
    await complete('municipality', 'ro-restart', 'needs-assessment', outputs['needs-assessment']);
    await complete('cag', 'ro-restart', 'community-consultation', outputs['community-consultation']);
    await complete('cag', 'ro-restart', 'cag-endorsement', outputs.approve);
    await complete('municipality', 'ro-restart', 'council-decision', outputs.approve);
    await complete('municipality', 'ro-restart', 'funding-applications', outputs['funding-applications']);
    await complete('municipality', 'ro-restart', 'monitoring-report', outputs.close);

    for (const id of cycleIds) {
      const done = await until(async () => {
        const cycle = (await http(server, 'GET', `/cycles/${id}`, coordinator)).body;
        return (
          cycle.status === 'COMPLETED' &&
          cycle.audit.some((event: { type: string }) => event.type === 'cycle.finished') &&
          cycle
        );
      });
      const taskIds = done.tasks.map((task: { taskId: string }) => task.taskId);
      expect(new Set(taskIds).size).toBe(taskIds.length);
      expect(taskIds).toHaveLength(6);
      const eventIds = done.audit.map((event: { eventId: string }) => event.eventId);
      expect(new Set(eventIds).size).toBe(eventIds.length);
      expect(done.audit.filter((event: { type: string }) => event.type === 'task.opened')).toHaveLength(6);
      const kept = before[cycleIds.indexOf(id)].tasks;
      for (const task of kept) {
        expect(done.tasks.find((one: { taskId: string }) => one.taskId === task.taskId)?.dueAt).toBe(
          task.dueAt,
        );
      }
    }
  });
});
