import '#infra/local/polyfills.ts';
import { StateMachine } from 'aws-local-stepfunctions';
import type { AslDefinition } from '#workflows/compile/asl.ts';
import { listTaskStates } from '#workflows/compile/task-states.ts';

/**
 * Runs a compiled definition on aws-local-stepfunctions with every Task state replaced by a test double, and
 * records the states visited and each step's payload. Humans are scripted: `answer` returns the summary that
 * SendTaskSuccess would carry, or undefined to let the task's timer fire.
 */

/** The request a human-task state sends to the open-task step. */
export interface HumanRequest {
  taskId: string;
  cycleId: string;
  phase: string;
  taskKey: string;
  revision: number;
  kind: 'task' | 'stall-resolution';
  dueAt: string;
  hardStopAt: string;
  timeoutSeconds: number;
  taskToken: string;
}

/** How the doubles behave in one run. */
export interface Script {
  answer(request: HumanRequest, timesOpenedBefore: number): Record<string, unknown> | undefined;
  timeoutSeconds?: (taskKey: string) => number;
  deadline?: (
    request: HumanRequest,
    checksBefore: number,
  ) => { action: 'wait' | 'stall' | 'abandon' | 'chain'; request: unknown };
}

/** A step invocation seen by a double. */
export interface StepCall {
  stateName: string;
  step: string;
  payload: Record<string, unknown>;
}

/** What a run produced. */
export interface RunReport {
  output?: unknown;
  error?: Error;
  /** Names of states entered, in order (transitions billed by Step Functions Standard). */
  visited: string[];
  calls: StepCall[];
}

type Payload = Record<string, unknown>;

export async function runDefinition(
  definition: AslDefinition,
  script: Script,
  input: Payload = { cycleId: 'cyc-1', revision: { count: 0 } },
): Promise<RunReport> {
  const calls: StepCall[] = [];
  const opened = new Map<string, number>();
  const checks = new Map<string, number>();
  const handlers: Record<string, (event: Payload) => Promise<unknown>> = {};

  const stepDouble = (step: string, payload: Payload): unknown => {
    switch (step) {
      case 'phaseStarted': {
        const phase = payload.phase as string;
        const keys = taskKeysOfPhase(definition, phase);
        return {
          tasks: keys.map((taskKey) => ({
            taskId: `${String(payload.cycleId)}.${taskKey}.r${String(payload.revision)}`,
            cycleId: payload.cycleId,
            phase,
            taskKey,
            revision: payload.revision,
            kind: 'task',
            dueAt: '2027-01-01T00:00:00.000Z',
            hardStopAt: '2027-02-01T00:00:00.000Z',
            timeoutSeconds: script.timeoutSeconds?.(taskKey) ?? 3600,
          })),
        };
      }
      case 'deadlineCheck': {
        const request = payload.request as HumanRequest;
        const count = checks.get(request.taskKey) ?? 0;
        checks.set(request.taskKey, count + 1);
        return script.deadline?.(request, count) ?? { action: 'abandon', request };
      }
      default:
        return {};
    }
  };

  for (const binding of listTaskStates(definition)) {
    if (binding.waitForToken) {
      handlers[binding.stateName] = (event) => {
        const request = event.Payload as HumanRequest;
        calls.push({ stateName: binding.stateName, step: 'openTask', payload: event.Payload as Payload });
        const key = `${request.kind}:${request.taskKey}`;
        const count = opened.get(key) ?? 0;
        opened.set(key, count + 1);
        const answer = script.answer(request, count);
        return answer === undefined ? new Promise(() => {}) : Promise.resolve(answer);
      };
    } else {
      handlers[binding.stateName] = async (event) => {
        const payload = event.Payload as Payload;
        calls.push({ stateName: binding.stateName, step: binding.step, payload });
        return { StatusCode: 200, ExecutedVersion: '$LATEST', Payload: stepDouble(binding.step, payload) };
      };
    }
  }

  const machine = new StateMachine(definition as never, {
    validationOptions: { checkArn: true, checkPaths: true },
  });
  const execution = machine.run(input as never, {
    overrides: { taskResourceLocalHandlers: handlers as never },
    context: {
      Execution: {
        Id: 'arn:local:execution:test',
        Input: input as never,
        StartTime: '2026-01-01T00:00:00.000Z',
        Name: 'test',
      },
      StateMachine: { Id: 'arn:local:stateMachine:test', Name: 'test' },
      Task: { Token: 'placeholder-token' },
    },
  });
  const visited: string[] = [];
  const collecting = (async () => {
    for await (const event of execution.eventLogs) {
      if (event.type === 'StateEntered') visited.push(event.state.name);
    }
  })();
  const report: RunReport = { visited, calls };
  try {
    report.output = await execution.result;
  } catch (error) {
    report.error = error as Error;
  }
  await collecting;
  return report;
}

/** Task keys of a phase, read from the compiled branches (in template order). */
function taskKeysOfPhase(definition: AslDefinition, phase: string): string[] {
  const parallel = definition.States[`${phase}: tasks`] as { Branches: { StartAt: string }[] } | undefined;
  if (!parallel) throw new Error(`No phase ${phase}`);
  return parallel.Branches.map((branch) => branch.StartAt.replace(/: stage$/, ''));
}
