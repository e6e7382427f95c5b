import {
  DescribeExecutionCommand,
  ExecutionAlreadyExists,
  InvalidToken,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
  TaskTimedOut,
} from '@aws-sdk/client-sfn';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  executionArnOf,
  StepFunctionsEngine,
} from '#shared/adapters/step-functions/step-functions-engine.ts';
import { TaskTokenGoneError } from '#shared/domain/ports.ts';

const sfn = mockClient(SFNClient);
const machine = 'arn:aws:states:eu-central-1:123456789012:stateMachine:Romact-prod-romact:live';
const version7 = 'arn:aws:states:eu-central-1:123456789012:stateMachine:Romact-prod-romact:7';
const started = new Date('2027-01-04T09:00:00.000Z');
const engine = new StepFunctionsEngine(new SFNClient({ region: 'eu-central-1' }), {
  stateMachineArns: { romact: machine },
});

describe('StepFunctionsEngine (mocked client)', () => {
  afterEach(() => {
    sfn.reset();
  });

  it('starts an execution of the template’s alias with the cycle’s name, and reads back the version it runs', async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:exec', startDate: new Date() });
    sfn.on(DescribeExecutionCommand).resolves({ stateMachineVersionArn: version7, startDate: started });

    await expect(
      engine.start('romact', 'cyc-1', { cycleId: 'cyc-1', revision: { count: 0 } }),
    ).resolves.toEqual({ executionId: 'arn:exec', version: version7, startedAt: started.toISOString() });
    expect(sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input).toEqual({
      stateMachineArn: machine,
      name: 'cyc-1',
      input: '{"cycleId":"cyc-1","revision":{"count":0}}',
    });
    expect(sfn.commandCalls(DescribeExecutionCommand)[0]?.args[0].input).toEqual({
      executionArn: 'arn:exec',
    });
  });

  it('continues a cycle on the version ARN it started on, not on the live alias', async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:exec-2', startDate: started });
    sfn.on(DescribeExecutionCommand).resolves({ stateMachineVersionArn: version7, startDate: started });

    const continued = await engine.continueOn('romact', version7, 'cyc-1-abc', {
      cycleId: 'cyc-1',
      revision: { count: 0 },
      resumeAt: 'review',
    });

    expect(continued).toEqual({
      executionId: 'arn:exec-2',
      version: version7,
      startedAt: started.toISOString(),
    });
    expect(sfn.commandCalls(StartExecutionCommand)[0]?.args[0].input.stateMachineArn).toBe(version7);
  });

  it('treats an execution that already exists under the name as started (a retried start)', async () => {
    sfn.on(StartExecutionCommand).rejects(new ExecutionAlreadyExists({ message: 'exists', $metadata: {} }));
    sfn.on(DescribeExecutionCommand).resolves({ stateMachineVersionArn: version7, startDate: started });
    await expect(
      engine.start('romact', 'cyc-1', { cycleId: 'cyc-1', revision: { count: 0 } }),
    ).resolves.toEqual({
      executionId: 'arn:aws:states:eu-central-1:123456789012:execution:Romact-prod-romact:cyc-1',
      version: version7,
      startedAt: started.toISOString(),
    });
  });

  it.each([
    ['TaskTimedOut', new TaskTimedOut({ message: 'timed out', $metadata: {} })],
    ['InvalidToken', new InvalidToken({ message: 'invalid', $metadata: {} })],
  ])('reports a %s token as gone, so the completion waits for the next rebind', async (_name, error) => {
    sfn.on(SendTaskSuccessCommand).rejects(error);
    await expect(engine.sendTaskSuccess('token', { taskId: 't' })).rejects.toBeInstanceOf(TaskTokenGoneError);
    expect(sfn.commandCalls(SendTaskSuccessCommand)).toHaveLength(1);
  });

  it('sends the completion once and surfaces any other error (the SDK client retries throttling itself)', async () => {
    sfn
      .on(SendTaskSuccessCommand)
      .rejects(Object.assign(new Error('slow down'), { name: 'ThrottlingException' }));
    await expect(engine.sendTaskSuccess('token', { taskId: 't', decision: 'approve' })).rejects.toThrow(
      'slow down',
    );
    expect(sfn.commandCalls(SendTaskSuccessCommand)[0]?.args[0].input).toEqual({
      taskToken: 'token',
      output: '{"taskId":"t","decision":"approve"}',
    });
  });

  it('derives a valid execution name from any key, the same for the same key', async () => {
    sfn.on(StartExecutionCommand).resolves({ executionArn: 'arn:exec', startDate: new Date() });
    sfn.on(DescribeExecutionCommand).resolves({ stateMachineVersionArn: version7, startDate: started });
    const key = `cyc-1-${'resume-'.repeat(20)}ü`;
    await engine.start('romact', key, { cycleId: 'cyc-1', revision: { count: 0 } });
    await engine.start('romact', key, { cycleId: 'cyc-1', revision: { count: 0 } });
    const names = sfn.commandCalls(StartExecutionCommand).map((call) => call.args[0].input.name ?? '');
    expect(names[0]).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
    expect(names[1]).toBe(names[0]);
  });

  it('ignores stopping an execution that no longer exists', async () => {
    sfn.on(StopExecutionCommand).rejects(Object.assign(new Error('gone'), { name: 'ExecutionDoesNotExist' }));
    await expect(engine.stop('arn:exec', 'cancelled')).resolves.toBeUndefined();
  });

  it('derives execution ARNs from alias ARNs', () => {
    expect(executionArnOf(machine, 'cyc-9')).toBe(
      'arn:aws:states:eu-central-1:123456789012:execution:Romact-prod-romact:cyc-9',
    );
  });
});
