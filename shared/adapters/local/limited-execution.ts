import { historyEventsOf, type InterpreterEvent, isTerminalEvent } from './history-events.ts';
import { DataLimitExceededError, StepCancelledError } from './step-functions-errors.ts';
import {
  MAX_EXECUTION_MS,
  MAX_HISTORY_EVENTS,
  MAX_PAYLOAD_BYTES,
  payloadBytes,
  QUOTAS_PAGE,
} from './step-functions-limits.ts';

/**
 * Holds one local execution to Step Functions Standard's limits, the way AWS ends an execution at each:
 * - one year after it started it ends TIMED_OUT (history: ExecutionTimedOut with `States.Timeout`;
 *   DescribeExecution carries no error or cause), and no Catch runs. The year is planning time, waited in real
 *   time through the clock's `timerMs`, like the task timers;
 * - at 25,000 history events it ends FAILED with `States.Runtime`, "The execution reached the maximum number of
 *   history events (25000).", the failure being event 25,000;
 * - a state input or output over 256 KiB fails it with `States.DataLimitExceeded`, which no `States.ALL`
 *   catcher handles;
 * - when a Parallel state fails, the tasks still waiting in its other branches are gone (their tokens refused).
 *
 * It watches the interpreter's event log; the engine asks it before each Task runs (`beforeStep`), so no step
 * runs once the execution has ended, and checks each Task's effective input and result (`checkPayload`).
 */

/** How the engine ended an execution at a limit. */
export interface LimitOutcome {
  status: 'TIMED_OUT' | 'FAILED';
  /** What AWS records in the closing history event. */
  error: string;
  cause: string;
  /** When AWS would have stopped it (for a timeout: the start plus one year, however late it was noticed). */
  stoppedAt: Date;
}

/** A compiled definition, read only for its Parallel states and their branches. */
type Definition = Record<string, unknown>;
type States = Record<string, { Type?: unknown; Branches?: { States: States }[] }>;

/** What a limited execution needs from its engine. */
export interface LimitedExecutionOptions {
  definition: Definition;
  /** Start of the execution in planning time. */
  startedAt: Date;
  /** Current planning time (the runtime's clock). */
  now: () => Date;
  /**
   * Real milliseconds a timer waits for a span of planning time. The year is a timer like every other timer of
   * the engine: it runs in real time through this conversion (a manual clock that jumps fires no timer).
   */
  timerMs: (planningMs: number) => number;
  /** Ends the execution: the engine stops the interpreter and retires every token it handed out. */
  end: (outcome: LimitOutcome) => void;
  /** A Parallel state stopped its branches: retire the tokens parked in these states; returns how many. */
  abortStates: (stateNames: ReadonlySet<string>) => number;
}

/** setTimeout holds at most 2^31-1 ms (about 24.8 days); a longer wait is re-armed. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** The states inside each Parallel state's branches (at any depth), per definition. */
const statesByParallel = new WeakMap<Definition, Map<string, Set<string>>>();

function parallelStatesOf(definition: Definition): Map<string, Set<string>> {
  const cached = statesByParallel.get(definition);
  if (cached) return cached;
  const found = new Map<string, Set<string>>();
  const visit = (states: States): string[] => {
    const names: string[] = [];
    for (const [name, state] of Object.entries(states)) {
      names.push(name);
      if (state.Type !== 'Parallel') continue;
      const inner = (state.Branches ?? []).flatMap((branch) => visit(branch.States));
      found.set(name, new Set(inner));
      names.push(...inner);
    }
    return names;
  };
  visit(definition.States as States);
  statesByParallel.set(definition, found);
  return found;
}

/** One local execution held to AWS's limits. */
export class LimitedExecution {
  /** History events AWS would have recorded so far (see history-events.ts for the counting). */
  historyEvents = 0;
  /** Set once the execution ended at a limit. */
  outcome?: LimitOutcome;
  /** When the year is up, in real time (`performance.now()`), and in planning time. */
  private readonly realDeadline: number;
  private readonly deadline: Date;
  private readonly parallels: Map<string, Set<string>>;
  /** Task invocations waiting for `beforeStep`, by state name. */
  private readonly waiting = new Map<string, Set<{ cancelled: boolean }>>();
  private timer?: NodeJS.Timeout;
  private closed = false;

  /** When the execution started, in planning time. */
  get startedAt(): Date {
    return this.options.startedAt;
  }

  constructor(private readonly options: LimitedExecutionOptions) {
    this.realDeadline = performance.now() + options.timerMs(MAX_EXECUTION_MS);
    this.deadline = new Date(options.startedAt.getTime() + MAX_EXECUTION_MS);
    this.parallels = parallelStatesOf(options.definition);
    this.arm();
  }

  /** Accounts for one interpreter event, and ends the execution if it crossed a limit. */
  observe(event: InterpreterEvent): void {
    if (this.outcome) return;
    if (this.timedOut()) return;
    if (isTerminalEvent(event)) {
      this.historyEvents += historyEventsOf(event);
      return;
    }
    if (event.type === 'StateFailed') this.stateFailed(event.state.name, event.state.type);
    this.record(historyEventsOf(event));
    if (event.type === 'StateEntered') this.checkState(event.state.name, 'input', event.state.input);
    if (event.type === 'StateExited') this.checkState(event.state.name, 'output', event.state.output);
  }

  /** Adds history events the interpreter does not log (TaskSubmitted, TaskStateAborted). */
  record(count: number): void {
    if (this.outcome || count === 0) return;
    // The closing ExecutionFailed is event 25,000 itself: the machine gets 24,999.
    if (this.historyEvents + count >= MAX_HISTORY_EVENTS) {
      this.historyEvents = MAX_HISTORY_EVENTS;
      this.finish({
        status: 'FAILED',
        error: 'States.Runtime',
        cause: `The execution reached the maximum number of history events (${MAX_HISTORY_EVENTS}).`,
        stoppedAt: this.options.now(),
      });
      return;
    }
    this.historyEvents += count;
  }

  /**
   * Waits one turn of the event loop before a Task's step runs, so every event logged before it is accounted
   * for, then refuses to run it if the execution ended or the state already failed (AWS would never have
   * scheduled it).
   */
  async beforeStep(stateName: string): Promise<void> {
    const ticket = { cancelled: false };
    const tickets = this.waiting.get(stateName) ?? new Set();
    tickets.add(ticket);
    this.waiting.set(stateName, tickets);
    try {
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      tickets.delete(ticket);
    }
    if (this.outcome) throw new StepCancelledError(`The execution ended: ${this.outcome.error}`);
    if (ticket.cancelled)
      throw new StepCancelledError(`State ${stateName} failed before its task was scheduled`);
  }

  /**
   * Fails the state with States.DataLimitExceeded when a Task's effective input (after Parameters) or its
   * result is over 256 KiB.
   */
  checkPayload(stateName: string, what: 'input' | 'result', value: unknown): void {
    const bytes = payloadBytes(value);
    if (bytes <= MAX_PAYLOAD_BYTES) return;
    throw new DataLimitExceededError(
      what === 'result'
        ? `The state/task '${stateName}' returned a result with a size exceeding the maximum number of bytes service limit.`
        : `The state/task '${stateName}' has an input of ${bytes} bytes after Parameters, over the ${MAX_PAYLOAD_BYTES}-byte limit (${QUOTAS_PAGE}).`,
    );
  }

  /** Stops the timer: the execution ended. */
  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  /** A failed state schedules nothing more; a failed Parallel state stops every task in its branches. */
  private stateFailed(stateName: string, stateType: string) {
    const inside = (stateType === 'Parallel' && this.parallels.get(stateName)) || new Set<string>();
    for (const name of [stateName, ...inside]) {
      for (const ticket of this.waiting.get(name) ?? []) ticket.cancelled = true;
    }
    // TaskStateAborted for each task the Parallel state stops.
    if (inside.size > 0) this.record(this.options.abortStates(inside));
  }

  private checkState(stateName: string, what: 'input' | 'output', value: unknown) {
    const bytes = payloadBytes(value);
    if (bytes <= MAX_PAYLOAD_BYTES) return;
    this.finish({
      status: 'FAILED',
      error: 'States.DataLimitExceeded',
      cause:
        what === 'output'
          ? `The state/task '${stateName}' returned a result with a size exceeding the maximum number of bytes service limit.`
          : `The state/task '${stateName}' has an input of ${bytes} bytes, over the ${MAX_PAYLOAD_BYTES}-byte limit (${QUOTAS_PAGE}).`,
      stoppedAt: this.options.now(),
    });
  }

  /** Ends the execution TIMED_OUT once its year has run out. */
  private timedOut(): boolean {
    if (this.outcome) return true;
    if (performance.now() < this.realDeadline) return false;
    this.finish({
      status: 'TIMED_OUT',
      error: 'States.Timeout',
      cause: `The execution ran for more than the maximum execution time of a Standard workflow (1 year, ${QUOTAS_PAGE}).`,
      stoppedAt: this.deadline,
    });
    return true;
  }

  /** Arms a timer for the deadline, re-armed past setTimeout's cap. */
  private arm() {
    if (this.closed || this.timedOut()) return;
    const realMs = this.realDeadline - performance.now();
    this.timer = setTimeout(() => this.arm(), Math.min(Math.max(1, Math.ceil(realMs)), MAX_TIMER_MS));
    // The execution's own steps and task timers keep the process alive; this one must not hold it open.
    this.timer.unref();
  }

  private finish(outcome: LimitOutcome) {
    this.outcome = outcome;
    this.close();
    this.options.end(outcome);
  }
}
