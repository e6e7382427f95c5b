import * as z from 'zod';
import { CycleOutcome, CycleStatus } from '#shared/domain/model/cycle.ts';
import { Instant } from '#shared/domain/model/instant.ts';
import { TaskRequest } from '#shared/domain/model/task-request.ts';

/**
 * The contract between a compiled state machine and the code it calls, written once: every Lambda step's
 * name, its `${...}` ARN placeholder, and the schemas of its payload and result; and the execution input.
 * The compiler writes payloads and result selectors from it (a misspelt key is a type error), the handlers
 * validate with it, and CDK and the local engine bind the placeholders from it.
 */

/** The input every execution starts with: a fresh cycle, a restart, or a recovery at a phase. */
export const ExecutionInput = z.object({
  cycleId: z.string().min(1).max(100),
  revision: z.object({ count: z.int().min(0) }),
  /** Resume at this phase instead of the first. */
  resumeAt: z.string().min(1).max(40).optional(),
});
/** The input every execution starts with. */
export type ExecutionInput = z.infer<typeof ExecutionInput>;

/** One Lambda step of the state machine. */
export interface StepContract<I extends z.ZodType, O extends z.ZodType> {
  /** The `${...}` placeholder its function ARN takes in the ASL. */
  placeholder: string;
  input: I;
  output: O;
  /** The workflow waits on a task token after calling it (a human task). */
  waitsForToken: boolean;
}

function step<I extends z.ZodType, O extends z.ZodType>(contract: StepContract<I, O>) {
  return contract;
}

const CycleId = z.string().min(1).max(100);
const PhaseKey = z.string().min(1).max(40);
const Revision = z.int().min(0);
/** The round of a repeating phase (meetings, reporting periods); only such phases pass it. */
const Round = z.int().min(0).max(999).optional();
/** The execution a step runs in, from the context object (`$$.Execution`): chaining reads its age. */
const Execution = { executionId: z.string().min(1).max(2_048), executionStartedAt: Instant };
/** What a finished human task hands back to the workflow (the Choice states read it). */
const Summary = z.object({
  taskId: z.string().optional(),
  decision: z.enum(['approve', 'reject', 'withdrawn']).optional(),
  outcome: z.enum(['next-cycle', 'close']).optional(),
  action: z.enum(['resume', 'cancel']).optional(),
  next: z.enum(['another-round', 'phase-done']).optional(),
});

/** Every Lambda step, by name. */
export const steps = {
  phaseStarted: step({
    placeholder: 'PhaseStartedFunctionArn',
    input: z.object({
      cycleId: CycleId,
      phase: PhaseKey,
      revision: Revision,
      round: Round,
      /** The template version this definition was compiled from (a literal in the ASL). */
      templateVersion: z.int().min(1),
      ...Execution,
    }),
    output: z.object({ tasks: z.array(TaskRequest) }),
    waitsForToken: false,
  }),
  openTask: step({
    placeholder: 'OpenTaskFunctionArn',
    input: TaskRequest.extend({ taskToken: z.string().min(1).max(2_048) }),
    // The workflow waits for the task's token, not this output; `undeliverable` is for the step's log (alarm).
    output: z.object({
      taskId: z.string(),
      created: z.boolean(),
      undeliverable: z.number().int().nonnegative().optional(),
    }),
    waitsForToken: true,
  }),
  deadlineCheck: step({
    placeholder: 'DeadlineCheckFunctionArn',
    input: z.object({ request: TaskRequest, ...Execution }),
    output: z.object({ action: z.enum(['wait', 'stall', 'abandon', 'chain']), request: TaskRequest }),
    waitsForToken: false,
  }),
  phaseEnded: step({
    placeholder: 'PhaseEndedFunctionArn',
    input: z.object({
      cycleId: CycleId,
      phase: PhaseKey,
      revision: Revision,
      round: Round,
      results: z.array(Summary),
    }),
    output: z.object({}),
    waitsForToken: false,
  }),
  startNextCycle: step({
    placeholder: 'StartNextCycleFunctionArn',
    input: z.object({ cycleId: CycleId }),
    output: z.object({ nextCycleId: z.string() }),
    waitsForToken: false,
  }),
  finishCycle: step({
    placeholder: 'FinishCycleFunctionArn',
    input: z.object({ cycleId: CycleId, outcome: CycleOutcome }),
    output: z.object({ status: CycleStatus }),
    waitsForToken: false,
  }),
  recordFailure: step({
    placeholder: 'RecordFailureFunctionArn',
    input: z.object({
      cycleId: CycleId,
      error: z
        .object({ Error: z.string().max(1_000).optional(), Cause: z.string().max(100_000).optional() })
        .default({}),
    }),
    output: z.object({}),
    waitsForToken: false,
  }),
} as const;

/** The name of a Lambda step. */
export type StepName = keyof typeof steps;
/** The validated payload a step receives. */
export type StepInput<S extends StepName> = z.output<(typeof steps)[S]['input']>;
/** What a step returns to the workflow. */
export type StepOutput<S extends StepName> = z.input<(typeof steps)[S]['output']>;

/** Every step name, in a stable order. */
export const stepNames = Object.keys(steps) as StepName[];

/** The placeholder of a step's function ARN, as it appears in the ASL. */
export function placeholder(step: StepName): string {
  return `\${${steps[step].placeholder}}`;
}

/** A value in a payload: a literal, or a JSONPath read from the state input or the context (`$$.`). */
export type PayloadValue = string | number | boolean | { path: string };

/** A JSONPath reference for a payload or result field. */
export const path = (jsonPath: string) => ({ path: jsonPath });

/** Writes a step's payload as ASL Parameters: every input field named, paths as `field.$`. */
export function payloadOf<S extends StepName>(
  _step: S,
  // Every required field is named (an optional one only where it applies), and a misspelt one is a type error.
  fields: { [K in keyof z.input<(typeof steps)[S]['input']>]: PayloadValue },
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(fields as Record<string, PayloadValue>).map(([name, value]) =>
      typeof value === 'object' ? [`${name}.$`, value.path] : [name, value],
    ),
  );
}

/** A ResultSelector that keeps the named fields of a step's result (Lambda puts it under `$.Payload`). */
export function selectResult<S extends StepName>(
  _step: S,
  fields: readonly (keyof z.output<(typeof steps)[S]['output']> & string)[],
): Record<string, string> {
  return Object.fromEntries(fields.map((field) => [`${field}.$`, `$.Payload.${field}`]));
}
