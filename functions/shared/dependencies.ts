import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SNSClient } from '@aws-sdk/client-sns';
import { DynamoStore, documentClient } from '#shared/adapters/aws/dynamodb-store.ts';
import { SnsEventBridgeNotifier } from '#shared/adapters/aws/sns-eventbridge-notifier.ts';
import { StepFunctionsEngine } from '#shared/adapters/aws/step-functions-engine.ts';
import { systemClock } from '#shared/domain/clock.ts';
import type { Dependencies } from '#shared/domain/ports.ts';
import { findTemplate } from '#workflows/templates/index.ts';

/**
 * Where handlers get their ports. On Lambda they are built once per container from the environment; the
 * local runtime (and tests) install theirs with `useDependencies` before invoking any handler.
 */

let installed: Dependencies | undefined;

/** Installs the ports every handler uses (local runtime, tests). */
export function useDependencies(dependencies: Dependencies | undefined): void {
  installed = dependencies;
}

/** One year: the longest a Step Functions Standard execution (and so a task timer) can wait. */
const AWS_MAX_TIMER_SECONDS = 365 * 24 * 3600;

function fromEnvironment(): Dependencies {
  const tableName = required('TABLE_NAME');
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  const dynamo = new DynamoDBClient(endpoint ? { endpoint } : {});
  return {
    store: new DynamoStore(documentClient(dynamo), { tableName }),
    engine: new StepFunctionsEngine(new SFNClient({}), {
      stateMachineArns: JSON.parse(process.env.STATE_MACHINE_ARNS ?? '{}') as Record<string, string>,
    }),
    notifier: new SnsEventBridgeNotifier(new SNSClient({}), new EventBridgeClient({}), {
      topicArn: process.env.NOTIFICATION_TOPIC_ARN ?? '',
      eventBusName: process.env.EVENT_BUS_NAME ?? 'default',
    }),
    clock: systemClock,
    templates: findTemplate,
    maxTimerSeconds: AWS_MAX_TIMER_SECONDS,
  };
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}

/** The ports for this invocation. */
export function dependencies(): Dependencies {
  installed ??= fromEnvironment();
  return installed;
}
