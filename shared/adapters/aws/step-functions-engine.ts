import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  type SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
} from '@aws-sdk/client-sfn';
import { TaskTokenGoneError, type WorkflowEngine } from '#shared/domain/ports.ts';

/**
 * The workflow engine port on AWS Step Functions. State machines are addressed per template through their
 * `live` alias, so a new template version only reaches cycles started after it is published.
 */

const TOKEN_GONE = new Set(['TaskTimedOut', 'InvalidToken', 'TaskDoesNotExist']);
const THROTTLED = new Set(['ThrottlingException', 'TooManyRequestsException', 'ServiceUnavailable']);

/** Options of the Step Functions engine. */
export interface StepFunctionsEngineOptions {
  /** State machine (alias) ARN per template id. */
  stateMachineArns: Record<string, string>;
  /** Attempts for a throttled task-token call beyond the SDK's own retries (the completion must get through). */
  tokenAttempts?: number;
  sleep?: (ms: number) => Promise<void>;
}

/** The workflow engine port on Step Functions. */
export class StepFunctionsEngine implements WorkflowEngine {
  constructor(
    private readonly client: SFNClient,
    private readonly options: StepFunctionsEngineOptions,
  ) {}

  async start(templateId: string, name: string, input: Record<string, unknown>) {
    const stateMachineArn = this.options.stateMachineArns[templateId];
    if (!stateMachineArn) throw new Error(`No state machine for template ${templateId}`);
    try {
      const output = await this.client.send(
        new StartExecutionCommand({ stateMachineArn, name, input: JSON.stringify(input) }),
      );
      return { executionId: output.executionArn ?? '' };
    } catch (error) {
      // Standard workflows return the running execution for the same name and input; a different input is
      // ExecutionAlreadyExists. Our names are derived from the cycle, so the execution is ours either way.
      if (error instanceof ExecutionAlreadyExists || (error as Error).name === 'ExecutionAlreadyExists') {
        return { executionId: executionArnOf(stateMachineArn, name) };
      }
      throw error;
    }
  }

  async sendTaskSuccess(taskToken: string, output: Record<string, unknown>) {
    await this.tokenCall(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify(output) }));
  }

  async sendTaskFailure(taskToken: string, error: string, cause: string) {
    await this.tokenCall(new SendTaskFailureCommand({ taskToken, error, cause }));
  }

  private async tokenCall(command: SendTaskSuccessCommand | SendTaskFailureCommand) {
    const attempts = this.options.tokenAttempts ?? 4;
    const sleep = this.options.sleep ?? ((ms: number) => new Promise((resolve) => setTimeout(resolve, ms)));
    for (let attempt = 1; ; attempt++) {
      try {
        await this.client.send(command as SendTaskSuccessCommand);
        return;
      } catch (error) {
        const name = (error as Error).name;
        if (TOKEN_GONE.has(name)) throw new TaskTokenGoneError(name);
        if (!THROTTLED.has(name) || attempt >= attempts) throw error;
        await sleep(2 ** attempt * 100);
      }
    }
  }

  async stop(executionId: string, cause: string) {
    try {
      await this.client.send(new StopExecutionCommand({ executionArn: executionId, cause }));
    } catch (error) {
      if ((error as Error).name !== 'ExecutionDoesNotExist') throw error;
    }
  }

  async describe(executionId: string) {
    try {
      const output = await this.client.send(new DescribeExecutionCommand({ executionArn: executionId }));
      return {
        status: output.status ?? 'UNKNOWN',
        ...(output.startDate ? { startedAt: output.startDate.toISOString() } : {}),
        ...(output.stopDate ? { stoppedAt: output.stopDate.toISOString() } : {}),
      };
    } catch (error) {
      if ((error as Error).name === 'ExecutionDoesNotExist') return undefined;
      throw error;
    }
  }
}

/** arn:aws:states:REGION:ACCOUNT:stateMachine:NAME[:alias] → arn:aws:states:REGION:ACCOUNT:execution:NAME:EXECUTION. */
export function executionArnOf(stateMachineArn: string, executionName: string): string {
  const parts = stateMachineArn.split(':');
  return [...parts.slice(0, 5), 'execution', parts[6] ?? '', executionName].join(':');
}
