import { createMemoryStore } from '#shared/adapters/memory/store.ts';
import { type ManualClock, manualClock } from '#shared/domain/clock.ts';
import type { Municipality } from '#shared/domain/model/municipality.ts';
import {
  type DomainEvent,
  type ExecutionStart,
  type OutboundMessage,
  type Ports,
  TaskTokenGoneError,
} from '#shared/domain/ports.ts';
import { builtInCatalog } from '#workflows/templates/index.ts';
import { municipalityFixture } from './runtime.ts';

/** A workflow engine that records what the domain asked of it; tokens can be marked gone. */
export function recordingEngine() {
  const started: { templateId: string; key: string; input: ExecutionStart }[] = [];
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
      const executionId = `exec:${templateId}:${key}`;
      if (!started.some((one) => one.key === key)) started.push({ templateId, key, input });
      return { executionId };
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

/** A notifier that keeps what it was given. */
export function recordingNotifier() {
  const messages: OutboundMessage[] = [];
  const events: DomainEvent[] = [];
  return {
    messages,
    events,
    async deliver(message: OutboundMessage) {
      messages.push(message);
    },
    async publish(event: DomainEvent) {
      events.push(event);
    },
  };
}

/** Every port on the in-memory store, a manual clock, a recording engine and notifier: for use-case tests. */
export function unitPorts(start = new Date('2027-01-04T09:00:00.000Z')) {
  const clock: ManualClock = manualClock(start);
  const engine = recordingEngine();
  const notifier = recordingNotifier();
  const ports: Ports = {
    ...createMemoryStore(),
    engine,
    notifier,
    clock,
    templates: builtInCatalog,
    settings: { countries: ['BG', 'HU', 'IT', 'RO', 'SK'], publicUrl: 'https://romact.example.org' },
    tokens: { issue: async (claims: Record<string, string>) => `token:${JSON.stringify(claims)}` },
  };
  return { ports, clock, engine, notifier };
}

/** Stores a municipality (the Bulgarian fixture unless told otherwise). */
export async function givenMunicipality(
  ports: Pick<Ports, 'municipalities'>,
  overrides: Partial<Municipality> = {},
) {
  return (await ports.municipalities.create(municipalityFixture(overrides))).municipality;
}
