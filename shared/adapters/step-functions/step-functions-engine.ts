import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import {
  type ExecutionStart,
  type ExecutionStarted,
  TaskTokenGoneError,
  type WorkflowEngine,
} from '#shared/domain/ports.ts';
import { executionNameFor } from './execution-name.ts';

/**
 * The workflow engine port on AWS Step Functions. State machines are addressed per template through their
 * `live` alias, so a new template version only reaches cycles started after it is published.
 */

const TOKEN_GONE = new Set(['TaskTimedOut', 'InvalidToken', 'TaskDoesNotExist']);

/** Options of the Step Functions engine. */
export interface StepFunctionsEngineOptions {
  /** State machine (alias) ARN per template id. */
  stateMachineArns: Record<string, string>;
}

/**
 * The longest a task may wait in one go: a Standard execution lives at most one year (Step Functions quotas),
 * so no single wait may be longer. Waits are also cut at the execution's chain age (chaining.ts).
 */
export const STEP_FUNCTIONS_MAX_WAIT_SECONDS = 365 * 24 * 3600;

/** The workflow engine port on Step Functions. */
export class StepFunctionsEngine implements WorkflowEngine {
  readonly maxWaitSeconds = STEP_FUNCTIONS_MAX_WAIT_SECONDS;

  constructor(
    private readonly client: SFNClient,
    private readonly options: StepFunctionsEngineOptions,
  ) {}

  start(templateId: string, key: string, input: ExecutionStart): Promise<ExecutionStarted> {
    return this.continueOn(templateId, undefined, key, input);
  }

  /**
   * Starts on a version ARN, or on the template's `live` alias when none is given. The version an execution
   * runs is read back with DescribeExecution (`stateMachineVersionArn`): `$$.StateMachine.Id` is not
   * documented to carry it, so the cycle records it for its chained executions.
   */
  async continueOn(
    templateId: string,
    version: string | undefined,
    key: string,
    input: ExecutionStart,
  ): Promise<ExecutionStarted> {
    const name = executionNameFor(key);
    const aliasArn = this.options.stateMachineArns[templateId];
    if (!aliasArn) throw new Error(`No state machine for template ${templateId}`);
    const stateMachineArn = version ?? aliasArn;
    let executionArn: string;
    try {
      const output = await this.client.send(
        new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }),
      );
      executionArn = output.executionArn ?? executionArnOf(stateMachineArn, name);
    } catch (error) {
      // Standard workflows return the running execution for the same name and input; a different input is
      // ExecutionAlreadyExists. Our names are derived from the cycle, so the execution is ours either way.
      if (!(error instanceof ExecutionAlreadyExists || (error as Error).name === 'ExecutionAlreadyExists')) {
        throw error;
      }
      executionArn = executionArnOf(stateMachineArn, name);
    }
    const described = await this.client.send(new DescribeExecutionCommand({ executionArn }));
    return {
      executionId: executionArn,
      version: described.stateMachineVersionArn ?? version ?? aliasArn,
      startedAt: (described.startDate ?? new Date()).toISOString(),
    };
  }

  async sendTaskSuccess(taskToken: string, output: Record<string, unknown>) {
    try {
      await this.client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
    } catch (error) {
      const name = (error as Error).name;
      if (TOKEN_GONE.has(name)) throw new TaskTokenGoneError(name);
      throw error;
    }
  }

  async stop(executionId: string, cause: string) {
    try {
      await this.client.send(new StopExecutionCommand({ executionArn: executionId, cause }));
    } catch (error) {
      if ((error as Error).name !== 'ExecutionDoesNotExist') throw error;
    }
  }
}

/** arn:aws:states:REGION:ACCOUNT:stateMachine:NAME[:alias] → arn:aws:states:REGION:ACCOUNT:execution:NAME:EXECUTION. */
export function executionArnOf(stateMachineArn: string, executionName: string): string {
  const parts = stateMachineArn.split(':');
  return [...parts.slice(0, 5), 'execution', parts[6] ?? '', executionName].join(':');
}
