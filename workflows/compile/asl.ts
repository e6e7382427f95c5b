import type * as z from 'zod';
import { type PayloadValue, payloadOf, placeholder, type StepName, type steps } from '../contract.ts';

/** The pieces of Amazon States Language the compiler writes with. */

/** An ASL state, kept loose: the definition is checked by asl-validator and by running it. */
export type AslState = Record<string, unknown>;
/** A compiled state machine definition. */
export interface AslDefinition {
  Comment: string;
  StartAt: string;
  States: Record<string, AslState>;
}

/** ASL resources the compiler uses. */
export const resources = {
  invoke: 'arn:aws:states:::lambda:invoke',
  invokeAndWait: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
} as const;

/** Retries Lambda's own transient failures (not the handler's errors) with jittered backoff. */
export const lambdaRetry = [
  {
    ErrorEquals: [
      'Lambda.ServiceException',
      'Lambda.AWSLambdaException',
      'Lambda.SdkClientException',
      'Lambda.TooManyRequestsException',
    ],
    IntervalSeconds: 2,
    MaxAttempts: 6,
    BackoffRate: 2,
    JitterStrategy: 'FULL',
  },
];

/** A Lambda step with its payload written from the contract. */
export function invoke<S extends StepName>(
  step: S,
  fields: { [K in keyof z.input<(typeof steps)[S]['input']>]: PayloadValue },
  extra: AslState,
): AslState {
  return {
    Type: 'Task',
    Resource: resources.invoke,
    Parameters: { FunctionName: placeholder(step), Payload: payloadOf(step, fields) },
    Retry: lambdaRetry,
    ...extra,
  };
}

/** The fields of a human task's request, read from where it is staged. */
const requestFields = [
  'taskId',
  'cycleId',
  'phase',
  'taskKey',
  'revision',
  'kind',
  'dueAt',
  'hardStopAt',
  'timeoutSeconds',
] as const;

/**
 * A human task waits on its token. The request is staged at `$.Payload` and copied flat into the invoke
 * payload, so `TimeoutSecondsPath: $.Payload.timeoutSeconds` resolves both against the state input (AWS) and
 * against the Parameters output (aws-local-stepfunctions reads it there).
 */
export function awaitHuman(extra: AslState): AslState {
  const fields = Object.fromEntries(requestFields.map((field) => [field, { path: `$.Payload.${field}` }]));
  return {
    Type: 'Task',
    Resource: resources.invokeAndWait,
    Parameters: {
      FunctionName: placeholder('openTask'),
      Payload: payloadOf('openTask', {
        ...(fields as Record<(typeof requestFields)[number], PayloadValue>),
        taskToken: { path: '$$.Task.Token' },
      }),
    },
    TimeoutSecondsPath: '$.Payload.timeoutSeconds',
    Retry: lambdaRetry,
    ...extra,
  };
}
