import {
  type LocalEngineOptions,
  type LocalExecution,
  LocalWorkflowEngine,
  type StepHandler,
  type TaskStateBinding,
} from '#shared/adapters/local/local-workflow-engine.ts';
import type { Clock } from '#shared/domain/clock.ts';
import type { ExecutionStart } from '#shared/domain/ports.ts';
import { compileTemplate } from '#workflows/compile/compile-template.ts';
import { listTaskStates } from '#workflows/compile/task-states.ts';
import type { StepName } from '#workflows/contract.ts';
import { romactTemplate } from '#workflows/templates/romact.ts';

/**
 * The real compiled ROMACT definition on the real local engine, with test-double step handlers: each double
 * records its call and does what the test's script says. Human answers go through the engine's
 * `sendTaskSuccess`, as the API does.
 */

type Payload = Record<string, unknown>;

/** What the open-task step receives (the human-task request and its token). */
export interface OpenedTask {
  taskToken: string;
  taskId: string;
  taskKey: string;
  phase: string;
  kind: 'task' | 'stall-resolution';
  timeoutSeconds: number;
  [field: string]: unknown;
}

/** How the doubles behave in one test. */
export interface Script {
  /** Extra fields (or overrides) of the task requests a phase start returns. */
  taskFields?: (taskKey: string) => Payload;
  /** Called when a task opens; may answer through `engine.sendTaskSuccess` now or later, or throw. */
  open?: (task: OpenedTask, engine: LocalWorkflowEngine) => void | Promise<void>;
  /** What the deadline check decides after a task's timer ran out; `abandon` by default. */
  deadline?: (
    request: Payload,
    checksBefore: number,
  ) => { action: 'wait' | 'stall' | 'abandon' | 'chain'; request: Payload };
  /** Runs before the failure step returns (to hold the execution open). */
  recordFailure?: () => Promise<void>;
}

/** One step invocation seen by a double. */
export interface Call {
  step: StepName;
  payload: Payload;
}

const definition = compileTemplate(romactTemplate);

function taskKeysOf(phase: string): string[] {
  const found = romactTemplate.phases.find((one) => one.key === phase);
  if (!found) throw new Error(`ROMACT has no phase ${phase}`);
  return found.tasks.map((task) => task.key);
}

/** A local engine running the compiled ROMACT definition on test doubles. */
export function romactOnDoubles(script: Script, options: { clock?: Clock } = {}) {
  const calls: Call[] = [];
  const checks = new Map<string, number>();
  let engine: LocalWorkflowEngine;
  const record = (step: StepName, payload: Payload) => {
    calls.push({ step, payload });
  };
  const handlers: Record<StepName, StepHandler> = {
    phaseStarted: async (event) => {
      const payload = event as Payload;
      record('phaseStarted', payload);
      const phase = String(payload.phase);
      return {
        tasks: taskKeysOf(phase).map((taskKey) => ({
          taskId: `${String(payload.cycleId)}.${taskKey}.r${String(payload.revision)}`,
          cycleId: payload.cycleId,
          phase,
          taskKey,
          revision: payload.revision,
          kind: 'task',
          dueAt: '2027-03-01T00:00:00.000Z',
          hardStopAt: '2027-04-01T00:00:00.000Z',
          timeoutSeconds: 60,
          ...script.taskFields?.(taskKey),
        })),
      };
    },
    openTask: async (event) => {
      const task = event as OpenedTask;
      record('openTask', task);
      await script.open?.(task, engine);
      return { taskId: task.taskId, created: true };
    },
    deadlineCheck: async (event) => {
      const payload = event as { request: Payload };
      record('deadlineCheck', payload);
      const key = String(payload.request.taskKey);
      const before = checks.get(key) ?? 0;
      checks.set(key, before + 1);
      return script.deadline?.(payload.request, before) ?? { action: 'abandon', request: payload.request };
    },
    phaseEnded: async (event) => {
      const payload = event as Payload;
      record('phaseEnded', payload);
      return {};
    },
    startNextCycle: async (event) => {
      record('startNextCycle', event as Payload);
      return {};
    },
    finishCycle: async (event) => {
      record('finishCycle', event as Payload);
      return {};
    },
    recordFailure: async (event) => {
      record('recordFailure', event as Payload);
      await script.recordFailure?.();
      return {};
    },
  };
  const { clock } = options;
  const bindings = listTaskStates(definition).map(
    (binding): TaskStateBinding => ({ ...binding, handler: handlers[binding.step] }),
  );
  const engineOptions: LocalEngineOptions = {
    versions: [
      { templateId: 'romact', version: romactTemplate.version, definition: definition as never, bindings },
    ],
    ...(clock ? { now: () => clock.now(), timerMs: (ms: number) => clock.timerMs(ms) } : {}),
  };
  engine = new LocalWorkflowEngine(engineOptions);

  return {
    engine,
    calls,
    /** Calls of one step, in order. */
    callsOf: (step: StepName) => calls.filter((call) => call.step === step),
    /** Starts a ROMACT execution and returns it. */
    async start(name = 'cyc-1', input: ExecutionStart = { cycleId: name, revision: { count: 0 } }) {
      const { executionId } = await engine.start('romact', name, input);
      return execution(engine, executionId);
    },
  };
}

/** The engine's record of an execution. */
export function execution(engine: LocalWorkflowEngine, executionId: string): LocalExecution {
  const found = engine.list().find((one) => one.executionId === executionId);
  if (!found) throw new Error(`No execution ${executionId}`);
  return found;
}

/** Answers a task as the API does, a turn of the event loop later (never inside the open-task step). */
export function answerSoon(engine: LocalWorkflowEngine, task: OpenedTask, output: Payload, afterMs = 0) {
  return new Promise<unknown>((resolve) => {
    setTimeout(() => {
      engine.sendTaskSuccess(task.taskToken, output).then(
        () => resolve('accepted'),
        (error: Error) => resolve(error),
      );
    }, afterMs);
  });
}

/** The summary each ROMACT task needs to move on (approvals approve, the review closes). */
export function cooperativeAnswer(task: OpenedTask): Payload {
  if (
    ['cag-endorsement', 'council-decision', 'municipality-acceptance', 'cag-acceptance'].includes(
      task.taskKey,
    )
  ) {
    return { taskId: task.taskId, decision: 'approve' };
  }
  if (task.taskKey === 'monitoring-report') return { taskId: task.taskId, outcome: 'close' };
  return { taskId: task.taskId };
}
