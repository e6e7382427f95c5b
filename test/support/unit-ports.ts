import { MemoryFileStore } from '#shared/adapters/memory/file-store.ts';
import { createMemoryStore } from '#shared/adapters/memory/store.ts';
import { type ManualClock, manualClock } from '#shared/domain/clock.ts';
import type { Caller } from '#shared/domain/model/caller.ts';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import { requestFor } from '#shared/domain/model/deadlines.ts';
import { type Municipality, noContacts } from '#shared/domain/model/municipality.ts';
import type { Task } from '#shared/domain/model/task.ts';
import { adoptContacts } from '#shared/domain/ops/adopt-contacts.ts';
import {
  type DomainEvent,
  type ExecutionStart,
  type OutboundMessage,
  type Ports,
  type StorePorts,
  TaskTokenGoneError,
} from '#shared/domain/ports.ts';
import { type StartCycleBody, startCycle } from '#shared/domain/usecases/cycles/start-cycle.ts';
import { deadlineCheck } from '#shared/domain/usecases/steps/deadline-check.ts';
import { openTask } from '#shared/domain/usecases/steps/open-task.ts';
import { phaseStarted } from '#shared/domain/usecases/steps/phase-started.ts';
import { builtInCatalog } from '#workflows/templates/index.ts';

/**
 * Use-case tests on the in-memory store: every port, a manual clock, an engine and a notifier that record what
 * the domain asked of them, and helpers that drive a cycle the way its workflow does (phase started, tasks
 * opened on fresh tokens). Nothing here boots dynalite or the ASL interpreter, so these tests run in
 * milliseconds.
 */

/** A workflow engine that records what the domain asked of it; tokens can be marked gone. */
export function recordingEngine(now: () => Date = () => new Date('2027-01-04T09:00:00.000Z')) {
  const started: { templateId: string; key: string; input: ExecutionStart; version?: string }[] = [];
  const stopped: string[] = [];
  const successes: { taskToken: string; output: Record<string, unknown> }[] = [];
  const gone = new Set<string>();
  return {
    started,
    stopped,
    successes,
    gone,
    maxWaitSeconds: 24 * 24 * 3600,
    async start(templateId: string, key: string, input: ExecutionStart) {
      return this.continueOn(templateId, undefined, key, input);
    },
    /** Records the start; a start under a known key returns the same execution, as the engines do. */
    async continueOn(templateId: string, version: string | undefined, key: string, input: ExecutionStart) {
      const executionId = `exec:${templateId}:${key}`;
      if (!started.some((one) => one.key === key))
        started.push({ templateId, key, input, ...(version ? { version } : {}) });
      return {
        executionId,
        version: version ?? `${templateId}:live-version`,
        startedAt: now().toISOString(),
      };
    },
    async sendTaskSuccess(taskToken: string, output: Record<string, unknown>) {
      if (gone.has(taskToken)) throw new TaskTokenGoneError('TaskTimedOut');
      successes.push({ taskToken, output });
    },
    async stop(executionId: string) {
      stopped.push(executionId);
    },
  };
}

/** A notifier that keeps what it was given; `failing` makes every delivery throw (an SNS outage). */
export function recordingNotifier() {
  const messages: OutboundMessage[] = [];
  const events: DomainEvent[] = [];
  const forgotten: string[] = [];
  const state = { failing: false };
  return {
    messages,
    events,
    forgotten,
    state,
    async forget(addresses: string[]) {
      forgotten.push(...addresses);
    },
    async deliver(message: OutboundMessage) {
      if (state.failing) throw new Error('The notifier is down');
      messages.push(message);
    },
    async publish(event: DomainEvent) {
      events.push(event);
    },
  };
}

/** The day every unit test starts on unless it says otherwise: a Monday morning in Sofia. */
export const START = new Date('2027-01-04T09:00:00.000Z');
export const DAY = 86_400_000;

/** The store's methods that write: a refused request must call none of them. */
const WRITES = new Set([
  'create',
  'update',
  'claimLiveSlot',
  'releaseLiveSlot',
  'startPhase',
  'endPhase',
  'append',
  'pseudonymize',
  'eraseContacts',
  'record',
  'claim',
  'settle',
  'claimAddress',
  'releaseAddress',
  'setCalendarToken',
  'addMembership',
  'removeMembership',
  'putCode',
  'recordFailedAttempt',
  'consumeCode',
  'createSession',
  'updateSession',
  'hit',
  'put',
  'markSent',
  'eraseForUser',
  'putLink',
]);

/** The store, with every write it is asked for listed in `writes` (`tasks.update`, ...). */
function countingStore(writes: string[]): StorePorts {
  const store = createMemoryStore();
  const counted = (name: string, repository: object) =>
    new Proxy(repository, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== 'function' || typeof property !== 'string') return value;
        // `cycles.record` reads; `notifications.record` writes.
        const writing = WRITES.has(property) && !(name === 'cycles' && property === 'record');
        return (...args: unknown[]) => {
          if (writing) writes.push(`${name}.${property}`);
          return value.apply(target, args);
        };
      },
    });
  return Object.fromEntries(
    Object.entries(store).map(([name, repository]) => [name, counted(name, repository)]),
  ) as unknown as StorePorts;
}

/** Every port on the in-memory store, a manual clock, a recording engine and notifier: for use-case tests. */
export function unitPorts(start = START) {
  const clock: ManualClock = manualClock(start);
  const engine = recordingEngine(() => clock.now());
  const notifier = recordingNotifier();
  const writes: string[] = [];
  const files = new MemoryFileStore(() => clock.now().getTime());
  const ports: Ports = {
    ...countingStore(writes),
    engine,
    notifier,
    clock,
    templates: builtInCatalog,
    settings: { countries: ['BG', 'HU', 'IT', 'RO', 'SK'], publicUrl: 'https://romact.example.org' },
    tokens: { issue: async (claims: Record<string, string>) => `token:${JSON.stringify(claims)}` },
    files,
  };
  return { ports, clock, engine, notifier, writes, files };
}
/** What `unitPorts` returns. */
export type UnitEnv = ReturnType<typeof unitPorts>;

/** The Bulgarian municipality most tests use: a municipality contact, two CAG members (one by phone only). */
export function municipalityFixture(overrides: Partial<Municipality> = {}): Municipality {
  return {
    municipalityId: 'bg-stolipinovo',
    name: 'Plovdiv – Stolipinovo',
    country: 'BG',
    locale: 'bg',
    timeZone: 'Europe/Sofia',
    contacts: {
      municipality: [{ name: 'Contact Person', email: 'contact@plovdiv.example', locale: 'bg' }],
      cag: [
        { name: 'CAG Member', email: 'cag@example.org', locale: 'bg' },
        { name: 'CAG Member Two', phone: '+359888000111', locale: 'bg' },
      ],
      coordinator: [{ name: 'Programme Coordinator', email: 'coordinator@romact.example', locale: 'en' }],
    },
    updatedAt: '2027-01-01T00:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

/**
 * A municipality as the API leaves it (the Bulgarian fixture unless told otherwise): the record, and its
 * contacts made people with memberships (its staff, its CAG members, the coordinators of its country), whom
 * notifications reach.
 */
export async function givenMunicipality(
  ports: Pick<Ports, 'municipalities' | 'users' | 'clock'>,
  overrides: Partial<Municipality> = {},
) {
  const { contacts, ...fixture } = municipalityFixture(overrides);
  const { municipality } = await ports.municipalities.create({ ...fixture, contacts: noContacts() });
  await adoptContacts(ports, municipality, contacts);
  return municipality;
}

/** Callers of the fixture's tenant, and of others. */
export const callers = {
  coordinator: { role: 'coordinator', countries: ['BG'] },
  coordinatorBgRo: { role: 'coordinator', countries: ['BG', 'RO'] },
  otherCoordinator: { role: 'coordinator', countries: ['IT'] },
  municipality: { role: 'municipality', municipalityId: 'bg-stolipinovo' },
  cag: { role: 'cag', municipalityId: 'bg-stolipinovo' },
  otherMunicipality: { role: 'municipality', municipalityId: 'bg-other' },
  otherCag: { role: 'cag', municipalityId: 'bg-other' },
} as const satisfies Record<string, Caller>;

/** Starts a cycle as the coordinator (the fixture municipality and the ROMACT template unless told otherwise). */
export function givenCycle(env: UnitEnv, body: Partial<StartCycleBody> = {}): Promise<Cycle> {
  return startCycle(env.ports, callers.coordinatorBgRo, {
    municipalityId: 'bg-stolipinovo',
    templateId: 'romact-core',
    ...body,
  });
}

/** The execution a cycle's steps run in (the first one, started with the cycle), as its context gives it. */
export const executionOf = (cycle: Cycle) => ({
  executionId: `exec:${cycle.templateId}:${cycle.executionName}`,
  executionStartedAt: cycle.startedAt,
});

let tokens = 0;
/** A fresh task token, as the engine hands out when a task state starts waiting. */
export const nextToken = (taskId: string) => `token:${taskId}:${++tokens}`;

/**
 * Runs a phase as its workflow does: the phase-started step, then the open-task step of each of its tasks on
 * a fresh token. Returns the tasks as stored.
 */
export async function runPhase(
  env: UnitEnv,
  cycle: Cycle,
  phase: string,
  revision = 0,
  round?: number,
): Promise<Task[]> {
  const { tasks } = await phaseStarted(env.ports, {
    cycleId: cycle.cycleId,
    phase,
    revision,
    ...(round !== undefined ? { round } : {}),
    templateVersion: cycle.templateVersion,
    ...executionOf(cycle),
  });
  const opened: Task[] = [];
  for (const request of tasks) {
    await openTask(env.ports, { ...request, taskToken: nextToken(request.taskId) });
    opened.push((await env.ports.tasks.get(request.taskId)) as Task);
  }
  return opened;
}

/**
 * Lets a task run past its hard stop and stalls the cycle as the workflow does: the timer fires, the deadline
 * check says "stall", and the coordinator's stall task opens on a fresh token. Returns the stall task.
 */
export async function stallOn(env: UnitEnv, task: Task): Promise<Task> {
  env.clock.set(new Date(new Date(task.hardStopAt).getTime() + 60_000));
  const request = requestFor(task, env.clock, { maxTimerSeconds: env.engine.maxWaitSeconds });
  const cycle = await env.ports.cycles.get(task.cycleId);
  if (!cycle) throw new Error(`No cycle ${task.cycleId}`);
  const decision = await deadlineCheck(env.ports, { request, ...executionOf(cycle) });
  if (decision.action !== 'stall') throw new Error(`expected a stall, got ${decision.action}`);
  await openTask(env.ports, { ...decision.request, taskToken: nextToken(decision.request.taskId) });
  return stored(env.ports, decision.request.taskId);
}

/** A task as stored now (fails the test when it is not there). */
export async function stored(ports: Pick<Ports, 'tasks'>, taskId: string): Promise<Task> {
  const task = await ports.tasks.get(taskId);
  if (!task) throw new Error(`No task ${taskId}`);
  return task;
}

/** A cycle as stored now (fails the test when it is not there). */
export async function storedCycle(ports: Pick<Ports, 'cycles'>, cycleId: string): Promise<Cycle> {
  const cycle = await ports.cycles.get(cycleId);
  if (!cycle) throw new Error(`No cycle ${cycleId}`);
  return cycle;
}

/** The audit trail of a cycle, as event types in order. */
export async function auditTypes(ports: Pick<Ports, 'cycles'>, cycleId: string): Promise<string[]> {
  return ((await ports.cycles.record(cycleId))?.audit ?? []).map((event) => event.type);
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/**
 * A repository whose `method` lets another writer in first, once: `competitor` runs just before the first
 * call goes through (a lost race on a conditional write, deterministically).
 */
export function racing<R extends object>(
  repository: R,
  method: keyof R & string,
  competitor: () => Promise<unknown>,
): R {
  let raced = false;
  return new Proxy(repository, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== method || typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        if (!raced) {
          raced = true;
          await competitor();
        }
        return value.apply(target, args);
      };
    },
  });
}
