import { ArnFormat, Duration, type RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { WorkflowAction } from '#functions/shared/access.ts';
import { keys } from '#shared/adapters/dynamodb/keys.ts';

/** How messages reach people: who SMS and email come from (the region's `sms` and `signIn` config). */
export interface MessageDelivery {
  sms: { senderId: string; originationNumber?: string | undefined };
  email: {
    from: string;
    fromName: string;
    sesIdentity: 'domain' | 'address';
    sesRegion?: string | undefined;
  };
}

/**
 * One handler as a Lambda function with the project's fixed defaults: arm64, nodejs22.x, bundled by the
 * locally installed esbuild (no Docker), minified with source maps, its own log group, and a `live` alias on
 * a published version so running cycles are not silently switched to new code.
 */
export interface RomactFunctionProps {
  entry: string;
  description: string;
  logRetention: logs.RetentionDays;
  removalPolicy: RemovalPolicy;
  logLevel: string;
  memorySize?: number;
  timeout?: Duration;
  /** For functions invoked asynchronously (the sweep): where failed events go. */
  deadLetterQueue?: sqs.IQueue;
}

/** The partition-key prefix of a person's items (their profile and memberships), from the table's keys. */
export const PERSON_PARTITION_PREFIX = keys.user('').PK;

/** A template's state machine as functions see it: by name and `live` alias ARN. */
export interface WorkflowMachine {
  templateId: string;
  name: string;
  /** The unqualified state machine ARN: what IAM authorises StartExecution on, whatever the qualifier. */
  arn: string;
  aliasArn: string;
}

export class RomactFunction extends Construct {
  readonly function: NodejsFunction;
  readonly alias: lambda.Alias;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: RomactFunctionProps) {
    super(scope, id);
    this.logGroup = new logs.LogGroup(this, 'Logs', {
      retention: props.logRetention,
      removalPolicy: props.removalPolicy,
    });
    this.function = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(30),
      logGroup: this.logGroup,
      tracing: lambda.Tracing.ACTIVE,
      ...(props.deadLetterQueue ? { deadLetterQueue: props.deadLetterQueue } : {}),
      environment: {
        POWERTOOLS_SERVICE_NAME: 'romact',
        POWERTOOLS_LOG_LEVEL: props.logLevel,
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        minify: true,
        sourceMap: true,
        format: OutputFormat.ESM,
        target: 'node22',
        mainFields: ['module', 'main'],
        // The runtime ships the AWS SDK v3; bundling it would only grow the package.
        externalModules: ['@aws-sdk/*'],
        // Some CommonJS dependencies call require(): give the ESM bundle one.
        banner:
          "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        forceDockerBundling: false,
      },
    });
    this.alias = new lambda.Alias(this, 'Live', { aliasName: 'live', version: this.function.currentVersion });
  }

  private setEnvironment(name: string, value: string) {
    this.function.addEnvironment(name, value);
  }

  /** Table access: read-only where the handler only reads. */
  bindTable(table: dynamodb.ITable, access: 'read' | 'readWrite'): this {
    if (access === 'read') table.grantReadData(this.function);
    else table.grantReadWriteData(this.function);
    this.setEnvironment('TABLE_NAME', table.tableName);
    return this;
  }

  /** The sweeper: query the sweep index only, read and write items (notifications, task progress). */
  bindSweep(table: dynamodb.ITable): this {
    this.function.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:Query'],
        resources: [`${table.tableArn}/index/Sweep`, table.tableArn],
      }),
    );
    this.function.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem'],
        resources: [table.tableArn],
      }),
    );
    table.encryptionKey?.grantEncryptDecrypt(this.function);
    this.setEnvironment('TABLE_NAME', table.tableName);
    return this;
  }

  /**
   * People's items only, read-only: GetItem and Query on the table (no index, no Scan), and only where the
   * partition key is a person's (`USER#…`: their profile and memberships). IAM cannot narrow it to the one person
   * a token is for (a Lambda role has no per-invocation variable), so the prefix is the boundary.
   */
  bindPersonRead(table: dynamodb.ITable): this {
    this.function.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:Query'],
        resources: [table.tableArn],
        conditions: {
          'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': [`${PERSON_PARTITION_PREFIX}*`] },
        },
      }),
    );
    if (table.encryptionKey) {
      // Decrypt only as DynamoDB reads for it, not for anything else the key protects.
      this.function.addToRolePolicy(
        new iam.PolicyStatement({
          actions: ['kms:Decrypt'],
          resources: [table.encryptionKey.keyArn],
          conditions: {
            StringEquals: { 'kms:ViaService': `dynamodb.${Stack.of(this).region}.amazonaws.com` },
          },
        }),
      );
    }
    this.setEnvironment('TABLE_NAME', table.tableName);
    return this;
  }

  /**
   * Managing people in the user pool (the Cognito user directory, shared/adapters/cognito/): create, confirm,
   * change addresses, sign out everywhere, delete. Only on the pool's ARN.
   */
  bindDirectory(userPool: cognito.IUserPool): this {
    this.function.addToRolePolicy(
      new iam.PolicyStatement({
        actions: [
          'cognito-idp:AdminCreateUser',
          'cognito-idp:AdminGetUser',
          'cognito-idp:AdminSetUserPassword',
          'cognito-idp:AdminUpdateUserAttributes',
          'cognito-idp:AdminDeleteUserAttributes',
          'cognito-idp:AdminUserGlobalSignOut',
          'cognito-idp:AdminDeleteUser',
        ],
        resources: [userPool.userPoolArn],
      }),
    );
    this.setEnvironment('USER_POOL_ID', userPool.userPoolId);
    return this;
  }

  /** Workflow access to the templates' state machines, addressed by name to avoid a dependency cycle. */
  bindWorkflow(machines: WorkflowMachine[], actions: readonly WorkflowAction[]): this {
    const stack = Stack.of(this);
    const executions = machines.map((machine) =>
      stack.formatArn({
        service: 'states',
        resource: 'execution',
        resourceName: `${machine.name}:*`,
        arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      }),
    );
    const machineArns = machines.map((machine) => machine.arn);
    // StartExecution is authorised on the unqualified ARN; the qualifier (alias or version) is a condition key
    // (https://docs.aws.amazon.com/step-functions/latest/dg/auth-version-alias.html).
    const startOn = (condition: Record<string, Record<string, string>>) =>
      new iam.PolicyStatement({
        actions: ['states:StartExecution'],
        resources: machineArns,
        conditions: condition,
      });
    const describe = new iam.PolicyStatement({
      actions: ['states:DescribeExecution'],
      resources: executions,
    });
    for (const action of actions) {
      if (action === 'start') {
        // New cycles start on the `live` alias only; the version they ran is read back with DescribeExecution.
        this.function.addToRolePolicy(startOn({ StringEquals: { 'states:StateMachineQualifier': 'live' } }));
        this.function.addToRolePolicy(describe);
      } else if (action === 'continue') {
        // A chain continues on the version the cycle started on: always a qualified ARN, never the latest.
        this.function.addToRolePolicy(startOn({ Null: { 'states:StateMachineQualifier': 'false' } }));
        this.function.addToRolePolicy(describe);
      } else if (action === 'stop') {
        this.function.addToRolePolicy(
          new iam.PolicyStatement({
            actions: ['states:StopExecution', 'states:DescribeExecution'],
            resources: executions,
          }),
        );
      } else {
        // Task-token calls cannot be scoped to a resource in IAM: Step Functions authorises them by the token.
        this.function.addToRolePolicy(
          new iam.PolicyStatement({
            actions: ['states:SendTaskSuccess', 'states:SendTaskFailure'],
            resources: ['*'],
          }),
        );
      }
    }
    this.setEnvironment(
      'STATE_MACHINE_ARNS',
      JSON.stringify(Object.fromEntries(machines.map((machine) => [machine.templateId, machine.aliasArn]))),
    );
    return this;
  }

  /**
   * Sending messages to people and publishing events (EventBridge). SMS: SNS `Publish` to a phone number, which
   * has no ARN, so the grant is on `*`, limited to this stack's region, with publishing to every topic and
   * platform endpoint (any SNS ARN) denied: the function can text people and nothing else. Email: SES
   * `SendEmail` on the sign-in config's verified identity only, and only from its sender address.
   */
  bindMessages(bus: events.IEventBus, delivery: MessageDelivery): this {
    const stack = Stack.of(this);
    this.function.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['sns:Publish'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:RequestedRegion': stack.region } },
      }),
    );
    this.function.addToRolePolicy(
      new iam.PolicyStatement({
        effect: iam.Effect.DENY,
        actions: ['sns:Publish'],
        resources: [`arn:${stack.partition}:sns:*:*:*`],
      }),
    );
    const email = delivery.email;
    const sesRegion = email.sesRegion ?? stack.region;
    const identity = email.sesIdentity === 'domain' ? email.from.split('@')[1] : email.from;
    this.function.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [`arn:${stack.partition}:ses:${sesRegion}:${stack.account}:identity/${identity}`],
        conditions: { StringEquals: { 'ses:FromAddress': email.from } },
      }),
    );
    bus.grantPutEventsTo(this.function);
    this.setEnvironment('EVENT_BUS_NAME', bus.eventBusName);
    this.setEnvironment('EMAIL_FROM', `"${email.fromName}" <${email.from}>`);
    if (email.sesRegion) this.setEnvironment('SES_REGION', email.sesRegion);
    this.setEnvironment('SMS_SENDER_ID', delivery.sms.senderId);
    if (delivery.sms.originationNumber)
      this.setEnvironment('SMS_ORIGINATION_NUMBER', delivery.sms.originationNumber);
    return this;
  }

  /** Publishing events only. */
  bindEvents(bus: events.IEventBus): this {
    bus.grantPutEventsTo(this.function);
    this.setEnvironment('EVENT_BUS_NAME', bus.eventBusName);
    return this;
  }
}
