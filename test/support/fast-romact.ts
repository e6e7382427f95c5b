import { expect } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '#infra/local/runtime.ts';
import { MAX_EXECUTION_MS } from '#shared/adapters/local/step-functions-limits.ts';
import { type Clock, scaledClock } from '#shared/domain/clock.ts';
import { cagOf, call, coordinatorBG, municipalityOf, outputs, useRuntime } from './api.ts';
import { eventually, municipalityBody } from './runtime.ts';

/**
 * The full ROMACT template on a fast clock, through the API, the handlers and the local engine (which ends an
 * execution at one year as Step Functions does): for the tests of cycles longer than a year.
 */

export const DAY = 86_400_000;
/**
 * Two million times the wall clock: a planning year in about 16 s. A task timer runs whole real seconds (ASL's
 * TimeoutSeconds), so a wait may overrun by up to a second of real time, 23 planning days: still far inside the
 * year past the template's chainAfter (P300D).
 */
export const SCALE = 2e6;
export const ORIGIN = new Date('2027-01-04T09:00:00.000Z');
const municipalityId = 'bg-stolipinovo';
export const municipality = municipalityOf(municipalityId);
export const cag = cagOf(municipalityId);

let runtime: LocalRuntime | undefined;
let sweeper: NodeJS.Timeout | undefined;

/** Stops the runtime of the last test (call in afterEach). */
export async function closeFastRuntime() {
  clearInterval(sweeper);
  await runtime?.close();
  runtime = undefined;
}

/** A runtime on the fast clock with the fixture municipality, swept every few planning days. */
export async function fastRuntime() {
  const clock = scaledClock(SCALE, ORIGIN);
  runtime = await startLocalRuntime({ clock, store: 'memory' });
  useRuntime(runtime);
  const put = await call('PUT', `/municipalities/${municipalityId}`, {
    claims: coordinatorBG,
    body: municipalityBody(),
  });
  expect(put.status).toBe(200);
  const running = runtime;
  // Reminders and escalations go out across the chain: they must not repeat when an execution hands over.
  sweeper = setInterval(() => void running.sweep().catch(() => {}), clock.timerMs(5 * DAY));
  return { clock, runtime: running };
}

export const dayOf = (clock: Clock) => (clock.now().getTime() - ORIGIN.getTime()) / DAY;
export const dateOn = (day: number) => new Date(ORIGIN.getTime() + day * DAY).toISOString().slice(0, 10);

/** Waits until the planning clock reaches `day` after the origin. */
export async function untilDay(clock: Clock, day: number) {
  const wait = ORIGIN.getTime() + day * DAY - clock.now().getTime();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, clock.timerMs(wait)));
}

/** The open task with `taskKey` in a role's inbox, once the workflow opened it. */
export function openTask(claims: Record<string, string>, taskKey: string, kind = 'task') {
  return eventually(async () => {
    const inbox = await call('GET', '/tasks', { claims });
    return inbox.body.items?.find((task: any) => task.taskKey === taskKey && task.kind === kind);
  }, 60_000);
}

export async function complete(claims: Record<string, string>, taskKey: string, body: unknown) {
  const task = await openTask(claims, taskKey);
  const done = await call('POST', `/tasks/${task.taskId}/complete`, { claims, body });
  expect(done.status, JSON.stringify(done.body)).toBe(200);
  return task;
}

/** Assessment to funding, each task done as soon as it opens. */
export async function throughFunding() {
  await complete(municipality, 'needs-assessment', outputs['needs-assessment']);
  await complete(cag, 'community-consultation', outputs['community-consultation']);
  await complete(cag, 'cag-endorsement', outputs.approve);
  await complete(municipality, 'council-decision', outputs.approve);
  await complete(municipality, 'funding-applications', outputs['funding-applications']);
}

export async function startCycle(body: Record<string, unknown> = {}) {
  const started = await call('POST', '/cycles', {
    claims: coordinatorBG,
    body: { municipalityId, clientToken: `chain-${Math.random()}`, ...body },
  });
  expect(started.status).toBe(201);
  return started.body.cycleId as string;
}

export async function completedCycle(cycleId: string) {
  return eventually(async () => {
    const cycle = (await call('GET', `/cycles/${cycleId}`, { claims: coordinatorBG })).body;
    return cycle.status === 'COMPLETED' && cycle.audit.some((event: any) => event.type === 'cycle.finished')
      ? cycle
      : undefined;
  }, 60_000);
}

/**
 * Every execution of the cycle, with its age; each ended SUCCEEDED (a chained one in the "Chained" state),
 * none lived a year, and each continuation ran the version its cycle started on.
 */
export async function chainOf(running: LocalRuntime, cycleId: string) {
  await running.engine.settled();
  const executions = running.engine.list().filter((execution) => execution.input.cycleId === cycleId);
  for (const execution of executions) {
    expect(execution.status, execution.executionId).toBe('SUCCEEDED');
    expect(execution.version).toBe(executions[0]?.version);
  }
  const ages = executions.map(
    (execution) => (Date.parse(execution.stoppedAt ?? '') - Date.parse(execution.startedAt)) / DAY,
  );
  for (const age of ages) expect(age).toBeLessThan(MAX_EXECUTION_MS / DAY);
  for (const execution of executions.slice(0, -1)) {
    expect(execution.history.at(-1)).toBe('Chained to a fresh execution');
  }
  return { executions, ages };
}

/** No task opened twice, no phase started twice, one finish; each notice and event once. */
export function expectNothingTwice(running: LocalRuntime, cycle: any) {
  const count = (values: string[]) =>
    values.reduce(
      (counts, value) => counts.set(value, (counts.get(value) ?? 0) + 1),
      new Map<string, number>(),
    );
  const repeated = (values: string[]) => [...count(values)].filter(([, times]) => times > 1);
  const audit = cycle.audit as { type: string; eventId?: string; data: Record<string, unknown> }[];
  expect(repeated(audit.filter((e) => e.type === 'task.opened').map((e) => String(e.data.taskId)))).toEqual(
    [],
  );
  expect(
    repeated(
      audit.filter((e) => e.type === 'phase.started').map((e) => `${e.data.phase}#${e.data.revision}`),
    ),
  ).toEqual([]);
  expect(audit.filter((e) => e.type === 'cycle.finished')).toHaveLength(1);
  const events = running.outbox.events.filter((event) => event.detail.cycleId === cycle.cycleId);
  expect(
    repeated(
      events
        .filter((e) => e.type !== 'cycle.phase-changed')
        .map((e) => `${e.type}:${JSON.stringify(e.detail)}`),
    ),
  ).toEqual([]);
  expect(
    repeated(
      events
        .filter((e) => e.type === 'cycle.phase-changed')
        .map((e) => `${e.detail.phase}#${e.detail.revision}`),
    ),
  ).toEqual([]);
  // A notification reaches each person once, whichever execution was waiting when it was sent.
  const messages = running.outbox.list({ cycleId: cycle.cycleId });
  expect(messages.length).toBeGreaterThan(0);
  expect(
    repeated(
      messages.flatMap((message) =>
        message.notificationIds.map((id) => `${message.recipient.address}:${message.channel}:${id}`),
      ),
    ),
  ).toEqual([]);
}
