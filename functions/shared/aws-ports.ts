import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SNSClient } from '@aws-sdk/client-sns';
import { CognitoUserDirectory } from '#shared/adapters/cognito/user-directory.ts';
import { createDynamoStore } from '#shared/adapters/dynamodb/store.ts';
import { SnsEventBridgeNotifier } from '#shared/adapters/sns-eventbridge/sns-eventbridge-notifier.ts';
import { StepFunctionsEngine } from '#shared/adapters/step-functions/step-functions-engine.ts';
import { systemClock } from '#shared/domain/clock.ts';
import type { Ports } from '#shared/domain/ports.ts';
import { builtInCatalog } from '#workflows/templates/index.ts';
import { type Access, restrictPorts } from './access.ts';

/**
 * The Lambda wiring: the AWS adapters, built once per container from the environment, and only those a
 * function's access names (a handler that never calls Step Functions creates no Step Functions client).
 */

const cache = new Map<string, Ports>();

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`Environment variable ${name} is not set`);
  return value;
}

/** A port that is not wired for this function: using it is a bug in its access declaration. */
const notWired = (name: string): never =>
  new Proxy(
    {},
    {
      get: (_target, property) => {
        if (property === 'then') return undefined;
        throw new Error(`${name} is not wired for this function`);
      },
    },
  ) as never;

/** Who SMS notifications come from, as the region's config says (`sms` section; set by `bindSmsOrigin`). */
function smsOrigin(): { senderId?: string; originationNumber?: string } {
  return {
    ...(process.env.SMS_SENDER_ID ? { senderId: process.env.SMS_SENDER_ID } : {}),
    ...(process.env.SMS_ORIGINATION_NUMBER ? { originationNumber: process.env.SMS_ORIGINATION_NUMBER } : {}),
  };
}

function build(access: Access): Ports {
  // Only the clients this function's access names: a cold start builds nothing it will not use.
  // Functions that send messages get SNS (SMS) and SES (email, in the region the sign-in config names).
  const sends = access.notify === 'messages';
  const notifier = access.notify
    ? new SnsEventBridgeNotifier(
        {
          sns: sends ? new SNSClient({}) : notWired('sns'),
          ...(sends
            ? { ses: new SESv2Client(process.env.SES_REGION ? { region: process.env.SES_REGION } : {}) }
            : {}),
          events: new EventBridgeClient({}),
        },
        {
          eventBusName: process.env.EVENT_BUS_NAME ?? 'default',
          sms: smsOrigin(),
          ...(process.env.EMAIL_FROM ? { emailFrom: process.env.EMAIL_FROM } : {}),
        },
      )
    : notWired('notifier');
  const store = access.table
    ? createDynamoStore(new DynamoDBClient({}), {
        tableName: required('TABLE_NAME'),
        ...(process.env.SWEEP_SHARDS ? { sweepShards: Number(process.env.SWEEP_SHARDS) } : {}),
      })
    : undefined;
  return {
    ...(store ?? {
      cycles: notWired('cycles'),
      tasks: notWired('tasks'),
      audit: notWired('audit'),
      municipalities: notWired('municipalities'),
      notifications: notWired('notifications'),
    }),
    // The SDK's standard retry strategy retries throttling and transient errors with backoff.
    engine: new StepFunctionsEngine(
      access.workflow?.length ? new SFNClient({ maxAttempts: 6 }) : notWired('sfn'),
      {
        stateMachineArns: JSON.parse(process.env.STATE_MACHINE_ARNS ?? '{}') as Record<string, string>,
      },
    ),
    notifier,
    clock: systemClock,
    templates: builtInCatalog,
    settings: { countries: (process.env.COUNTRIES ?? '').split(',').filter(Boolean) },
    // The user pool, for the functions that manage people; the others have no directory at all.
    ...(access.directory
      ? {
          directory: new CognitoUserDirectory(
            new CognitoIdentityProviderClient({}),
            required('USER_POOL_ID'),
          ),
        }
      : {}),
  } as unknown as Ports;
}

/** The ports of a Lambda function with `access` (one set per container). */
export function awsPorts(access: Access, name: string): Ports {
  let ports = cache.get(name);
  if (!ports) {
    ports = restrictPorts(build(access), access, name);
    cache.set(name, ports);
  }
  return ports;
}
