import '#infra/local/polyfills.ts';
import { randomUUID } from 'node:crypto';
import { StateMachine } from 'aws-local-stepfunctions';
import {
  type ExecutionStart,
  type ExecutionStarted,
  TaskTokenGoneError,
  type WorkflowEngine,
} from '#shared/domain/ports.ts';
import { executionNameFor } from '../step-functions/execution-name.ts';
import { LimitedExecution, type LimitOutcome } from './limited-execution.ts';
import {
  ExecutionAlreadyExistsError,
  InvalidNameError,
  PayloadTooLargeError,
  StateMachineDoesNotExistError,
  StepCancelledError,
} from './step-functions-errors.ts';
import { executionNameProblem, MAX_PAYLOAD_BYTES, payloadBytes } from './step-functions-limits.ts';

/**
 * The workflow engine port offline: the same compiled ASL run by aws-local-stepfunctions, each Task state
 * bound by name to the same handler modules Lambda runs, with Lambda-shaped events and results (the handler's
 * result under `Payload`, with `StatusCode`) so ResultSelector and ResultPath behave as on AWS.
 *
 * Human tasks: the interpreter has no `$$.Task.Token`, so the run context carries a placeholder; each
 * invocation gets a unique token, the open-task handler is called with it, and a promise is parked under it
 * until `sendTaskSuccess` (or the task's timer, or the end of the execution) settles it.
 *
 * Step Functions Standard's limits hold here as on AWS (see limited-execution.ts): one year per execution,
 * 25,000 history events, 256 KiB per state input and output, StartExecution's name rules.
 */

/** A step handler as Lambda runs it. */
export type StepHandler = (event: unknown, context: never) => Promise<unknown>;

/** What a Task state of a definition is bound to: a Lambda handler, waiting on a token or not. */
export interface TaskStateBinding {
  stateName: string;
  step: string;
  waitForToken: boolean;
  handler: StepHandler;
}

/** A compiled definition, as the interpreter takes it. */
export type Definition = Record<string, unknown>;

/**
 * One published version of a template's workflow, as Step Functions publishes a state machine version on a
 * deploy. Offline the version number is the template's version, so it means the same after a restart.
 */
export interface LocalMachineVersion {
  templateId: string;
  version: number;
  definition: Definition;
  bindings: TaskStateBinding[];
}

interface PublishedVersion extends LocalMachineVersion {
  arn: string;
  machine: StateMachine;
}

/**
 * aws-local-stepfunctions waits with setTimeout, which cannot hold more than 2^31-1 ms (about 24.8 days).
 * Waits are capped below that; a longer deadline simply waits again.
 */
export const LOCAL_MAX_WAIT_SECONDS = 24 * 24 * 3600;

const TOKEN_PLACEHOLDER = 'local-task-token';

interface Parked {
  executionId: string;
  /** The Task state waiting on the token (a Parallel state that stops its branches retires it). */
  stateName: string;
  resolve: (output: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** What the engine knows of an execution. */
export interface LocalExecution {
  executionId: string;
  templateId: string;
  /** The state machine version it runs (its ARN, as DescribeExecution's stateMachineVersionArn). */
  version: string;
  name: string;
  input: ExecutionStart;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'ABORTED' | 'TIMED_OUT';
  startedAt: string;
  stoppedAt?: string;
  /** States entered, in order: the transitions Step Functions would bill. */
  history: string[];
  error?: string;
  /** Why it failed or timed out. */
  cause?: string;
  /** AWS's limits for this execution: its history event count, its deadline. */
  limits: LimitedExecution;
  done: Promise<void>;
  abort: () => void;
}

/** Options of the local engine. */
export interface LocalEngineOptions {
  /** The published versions of each template's workflow; the newest of a template is live (its `live` alias). */
  versions: LocalMachineVersion[];
  /**
   * Called as every step starts, with its payload; the function it returns (if any) is called when the step
   * ends (benchmarks: counts, and the signal a benchmark client waits on instead of polling).
   */
  onInvoke?: (step: string, payload: unknown) => (() => void) | undefined;
  /** Current time for execution start times (the runtime's clock). */
  now?: () => Date;
  /** Real milliseconds a timer waits for a span of planning time (the runtime's `clock.timerMs`); default 1:1. */
  timerMs?: (planningMs: number) => number;
}

class LocalError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

function lambdaContext(functionName: string): never {
  return {
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/local/${functionName}`,
    logStreamName: 'local',
    callbackWaitsForEmptyEventLoop: false,
    getRemainingTimeInMillis: () => 60_000,
  } as never;
}

/**
 * aws-local-stepfunctions sets `$$.Execution.StartTime` to the wall clock whatever context it is given, while
 * every other time here is planning time. The step contract passes it as `executionStartedAt` (chaining reads
 * the execution's age from it), so the engine puts back the execution's start in planning time, as AWS would
 * report it.
 */
function withPlanningStart(payload: unknown, limits: LimitedExecution): void {
  if (payload && typeof payload === 'object' && 'executionStartedAt' in payload) {
    (payload as Record<string, unknown>).executionStartedAt = limits.startedAt.toISOString();
  }
}

/** Runs compiled definitions in-process. */
export class LocalWorkflowEngine implements WorkflowEngine {
  readonly maxWaitSeconds = LOCAL_MAX_WAIT_SECONDS;
  /** Published versions by version ARN, and the live one of each template. */
  private readonly versions = new Map<string, PublishedVersion>();
  private readonly live = new Map<string, PublishedVersion>();
  private readonly executions = new Map<string, LocalExecution>();
  private readonly parked = new Map<string, Parked>();
  /** Handler invocations under way: shutdown waits for them, and `settled` waits until there are none. */
  private readonly inFlight = new Set<Promise<unknown>>();

  private track<T>(promise: Promise<T>): Promise<T> {
    this.inFlight.add(promise);
    const forget = () => this.inFlight.delete(promise);
    promise.then(forget, forget);
    return promise;
  }

  constructor(private readonly options: LocalEngineOptions) {
    const ordered = [...options.versions].sort((a, b) => a.version - b.version);
    for (const version of ordered) this.publish(version);
  }

  /**
   * Publishes a version of a template's workflow and points the template's `live` alias at it, as a deploy
   * does: new cycles start on it, running ones keep theirs. Returns the version's ARN.
   */
  publish(version: LocalMachineVersion): string {
    const arn = `${this.stateMachineId(version.templateId)}:${version.version}`;
    if (this.versions.has(arn)) throw new Error(`Version ${arn} is already published`);
    const published: PublishedVersion = {
      ...version,
      arn,
      // Built once and reused: every execution of the version shares the validated machine.
      machine: new StateMachine(version.definition as never, {
        validationOptions: { checkArn: true, checkPaths: true },
      }),
    };
    this.versions.set(arn, published);
    const current = this.live.get(version.templateId);
    if (!current || current.version < version.version) this.live.set(version.templateId, published);
    return arn;
  }

  /** The version ARN the template's `live` alias points at. */
  liveVersion(templateId: string): string | undefined {
    return this.live.get(templateId)?.arn;
  }

  private stateMachineId(templateId: string) {
    return `arn:aws:states:local:000000000000:stateMachine:romact-${templateId}`;
  }

  private bindings(published: PublishedVersion, executionId: string, limits: LimitedExecution) {
    const handlers: Record<string, (input: unknown) => Promise<unknown>> = {};
    for (const binding of published.bindings) {
      const { handler } = binding;
      if (binding.waitForToken) {
        handlers[binding.stateName] = async (input) => {
          await this.track(limits.beforeStep(binding.stateName));
          limits.checkPayload(binding.stateName, 'input', input);
          const { Payload } = input as { Payload: Record<string, unknown> };
          withPlanningStart(Payload, limits);
          const taskToken = `${executionId}:${randomUUID()}`;
          const timeoutMs = Number(Payload.timeoutSeconds ?? 60) * 1_000;
          const waiting = new Promise<unknown>((resolve, reject) => {
            // The interpreter's own timer raises States.Timeout; this one retires the token at the same moment,
            // so a late SendTaskSuccess fails as it does on AWS (TaskTimedOut).
            const timer = setTimeout(() => {
              this.parked.delete(taskToken);
              reject(new LocalError('States.Timeout', 'Task timed out'));
            }, timeoutMs + 50);
            this.parked.set(taskToken, { executionId, stateName: binding.stateName, resolve, reject, timer });
          });
          waiting.catch(() => {});
          try {
            const finished = this.options.onInvoke?.(binding.step, Payload);
            await this.track(handler({ ...Payload, taskToken }, lambdaContext(binding.step))).finally(() =>
              finished?.(),
            );
          } catch (error) {
            this.retire(taskToken);
            throw error;
          }
          limits.record(1); // TaskSubmitted: the call returned and the task now waits for its token.
          return waiting;
        };
      } else {
        handlers[binding.stateName] = async (input) => {
          await this.track(limits.beforeStep(binding.stateName));
          limits.checkPayload(binding.stateName, 'input', input);
          const { Payload } = input as { Payload: unknown };
          withPlanningStart(Payload, limits);
          const finished = this.options.onInvoke?.(binding.step, Payload);
          const result = await this.track(handler(Payload, lambdaContext(binding.step))).finally(() =>
            finished?.(),
          );
          const output = { StatusCode: 200, ExecutedVersion: '$LATEST', Payload: result ?? null };
          limits.checkPayload(binding.stateName, 'result', output);
          return output;
        };
      }
    }
    // The interpreter may drop a step's promise (a state that fails while its step waits, e.g. on an invalid
    // TimeoutSecondsPath): mark every one handled so a cancelled step is not an unhandled rejection.
    for (const [stateName, handler] of Object.entries(handlers)) {
      handlers[stateName] = (input) => {
        const running = handler(input);
        running.catch(() => {});
        return running;
      };
    }
    return handlers;
  }

  private now() {
    return this.options.now?.() ?? new Date();
  }

  private retire(taskToken: string): Parked | undefined {
    const parked = this.parked.get(taskToken);
    if (parked) {
      clearTimeout(parked.timer);
      this.parked.delete(taskToken);
    }
    return parked;
  }

  /**
   * The port's start, as the Step Functions adapter does it: a valid name derived from the key, and an existing
   * execution of that name returned (the adapter turns ExecutionAlreadyExists into the execution's ARN).
   */
  async start(templateId: string, key: string, input: ExecutionStart): Promise<ExecutionStarted> {
    return this.continueOn(templateId, undefined, key, input);
  }

  /** Starts on a given published version (the live one when none is given), idempotently per key. */
  async continueOn(
    templateId: string,
    version: string | undefined,
    key: string,
    input: ExecutionStart,
  ): Promise<ExecutionStarted> {
    let executionId: string;
    try {
      ({ executionId } = await this.startExecution(templateId, executionNameFor(key), input, version));
    } catch (error) {
      if (!(error instanceof ExecutionAlreadyExistsError)) throw error;
      executionId = error.executionId;
    }
    const execution = this.executions.get(executionId);
    if (!execution) throw new Error(`No execution ${executionId}`);
    return { executionId, version: execution.version, startedAt: execution.startedAt };
  }

  /**
   * StartExecution as the service does it: the name as given (InvalidName unless 1–80 allowed characters), the
   * input at most 256 KiB, and an existing name idempotent only for a RUNNING execution with the same input
   * (ExecutionAlreadyExists otherwise).
   */
  async startExecution(templateId: string, name: string, input: ExecutionStart, version?: string) {
    const problem = executionNameProblem(name);
    if (problem) throw new InvalidNameError(name, problem);
    const inputBytes = payloadBytes(input);
    if (inputBytes > MAX_PAYLOAD_BYTES) {
      throw new PayloadTooLargeError('input', inputBytes, MAX_PAYLOAD_BYTES);
    }
    const executionId = `${this.stateMachineId(templateId).replace(':stateMachine:', ':execution:')}:${name}`;
    const existing = this.executions.get(executionId);
    if (existing) {
      if (existing.status === 'RUNNING' && JSON.stringify(existing.input) === JSON.stringify(input)) {
        return { executionId };
      }
      throw new ExecutionAlreadyExistsError(executionId);
    }
    const published = version ? this.versions.get(version) : this.live.get(templateId);
    if (!published || published.templateId !== templateId) {
      throw new StateMachineDoesNotExistError(version ?? this.stateMachineId(templateId));
    }
    const { machine, definition } = published;
    const startedAt = this.now().toISOString();
    // Declared before the run so the limits can end it; assigned below.
    let execution: LocalExecution | undefined;
    const limits = new LimitedExecution({
      definition,
      startedAt: new Date(startedAt),
      now: () => this.now(),
      timerMs: this.options.timerMs ?? ((planningMs) => planningMs),
      end: (outcome) => {
        if (execution) this.end(execution, outcome);
      },
      abortStates: (stateNames) =>
        this.retireParked(executionId, (parked) => stateNames.has(parked.stateName)),
    });
    const context = {
      Execution: { Id: executionId, Name: name, Input: input as never, StartTime: startedAt },
      StateMachine: { Id: this.stateMachineId(templateId), Name: `romact-${templateId}` },
      Task: { Token: TOKEN_PLACEHOLDER },
    };
    const run = machine.run(input as never, {
      overrides: { taskResourceLocalHandlers: this.bindings(published, executionId, limits) as never },
      context: context as never,
      noThrowOnAbort: true,
    });
    const current: LocalExecution = {
      executionId,
      templateId,
      version: published.arn,
      name,
      input,
      status: 'RUNNING',
      startedAt,
      history: [],
      limits,
      abort: run.abort,
      done: Promise.resolve(),
    };
    execution = current;
    const collect = (async () => {
      for await (const event of run.eventLogs) {
        if (event.type === 'StateEntered') current.history.push(event.state.name);
        limits.observe(event);
      }
    })();
    current.done = (async () => {
      try {
        await run.result;
        if (current.status === 'RUNNING') current.status = 'SUCCEEDED';
      } catch (error) {
        if (current.status === 'RUNNING') {
          current.status = 'FAILED';
          const cause = (error as Error).cause as Error | undefined;
          current.error = cause?.name ?? (error as Error).name;
          if (cause?.message) current.cause = cause.message;
        }
      } finally {
        current.stoppedAt ??= this.now().toISOString();
        await collect.catch(() => {});
        limits.close();
        // Tokens still parked (a branch stopped by a failing sibling) die with their execution, as on AWS.
        this.retireParked(executionId, () => true);
      }
    })();
    this.executions.set(executionId, current);
    return { executionId };
  }

  /** Ends a running execution from outside the interpreter (StopExecution, or one of AWS's limits). */
  private end(execution: LocalExecution, outcome: LimitOutcome | { status: 'ABORTED' }) {
    if (execution.status !== 'RUNNING') return;
    execution.status = outcome.status;
    if ('error' in outcome) {
      execution.error = outcome.error;
      execution.cause = outcome.cause;
      execution.stoppedAt = outcome.stoppedAt.toISOString();
    }
    execution.limits.close();
    // aws-local-stepfunctions leaves a Task's timeout timer running after an abort: settle every parked task
    // of this execution so those timers are cleared.
    this.retireParked(execution.executionId, () => true);
    execution.abort();
  }

  /** Retires the parked tokens of an execution that match; their waits end with a step nothing may catch. */
  private retireParked(executionId: string, matches: (parked: Parked) => boolean): number {
    let retired = 0;
    for (const [token, parked] of this.parked) {
      if (parked.executionId !== executionId || !matches(parked)) continue;
      this.retire(token);
      parked.reject(new StepCancelledError('The task is no longer waited on'));
      retired += 1;
    }
    return retired;
  }

  async sendTaskSuccess(taskToken: string, output: Record<string, unknown>) {
    // AWS refuses an oversized output and the task keeps waiting.
    const bytes = payloadBytes(output);
    if (bytes > MAX_PAYLOAD_BYTES) throw new PayloadTooLargeError('output', bytes, MAX_PAYLOAD_BYTES);
    const parked = this.retire(taskToken);
    if (!parked) throw new TaskTokenGoneError('TaskTimedOut');
    parked.resolve(output);
  }

  async stop(executionId: string, _cause: string) {
    const execution = this.executions.get(executionId);
    if (execution?.status !== 'RUNNING') return;
    this.end(execution, { status: 'ABORTED' });
    await execution.done;
  }

  async describe(executionId: string) {
    const execution = this.executions.get(executionId);
    if (!execution) return undefined;
    return {
      status: execution.status,
      stateMachineVersionArn: execution.version,
      startedAt: execution.startedAt,
      ...(execution.stoppedAt ? { stoppedAt: execution.stoppedAt } : {}),
    };
  }

  /** Every execution this engine ran. */
  list(): LocalExecution[] {
    return [...this.executions.values()];
  }

  /** Stops everything (shutdown): no timer is left running and no handler is still writing. */
  async stopAll(): Promise<void> {
    await Promise.all(
      [...this.executions.values()].map((execution) => this.stop(execution.executionId, 'shutdown')),
    );
    await Promise.allSettled([...this.inFlight]);
  }

  /** Resolves once no step is running: every execution is parked on a human task or finished. */
  async settled(): Promise<void> {
    let quietChecks = 0;
    while (quietChecks < 3) {
      if (this.inFlight.size > 0) {
        quietChecks = 0;
        await Promise.allSettled([...this.inFlight]);
      } else {
        quietChecks += 1;
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}
