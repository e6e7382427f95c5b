import { CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as schedulerTargets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { apiRoutes, routeEntry, routeFunctionName } from '#functions/routes.ts';
import type { Access } from '#functions/shared/access.ts';
import { UNDELIVERABLE_LOG_MESSAGE } from '#functions/shared/logger.ts';
import { stepDefinitions, stepEntry } from '#functions/steps/index.ts';
import { sweepAccess } from '#functions/sweep/sweep-deadlines.ts';
import { tableDefinition } from '#shared/adapters/dynamodb/table-definition.ts';
import { compileTemplate } from '#workflows/compile/compile-template.ts';
import { type StepName, steps as stepContracts, stepNames } from '#workflows/contract.ts';
import { builtInTemplates } from '#workflows/templates/index.ts';
import type { RegionConfig } from './config.ts';
import { FileStorage } from './constructs/file-storage.ts';
import { RomactFunction, type WorkflowMachine } from './constructs/romact-function.ts';
import { SignIn, type WebSignInConfig } from './constructs/sign-in.ts';
import { SmsSettings } from './constructs/sms-settings.ts';
import { WebHosting } from './constructs/web-hosting.ts';

/** One region's engine: table, state machines, handlers, HTTP API, notifications, sweep and alarms. */
export interface RomactStackProps extends StackProps {
  stage: string;
  regionConfig: RegionConfig;
}

const ROOT = new URL('../../', import.meta.url).pathname;

/**
 * The log line for notifications nobody could receive (`logUndeliverable` in functions/shared/logger.ts: the
 * sweep's, and the open-task step's as it announces a task), as a metric filter matches it.
 */
export const undeliverableLogLine = {
  message: UNDELIVERABLE_LOG_MESSAGE,
  pattern: logs.FilterPattern.all(
    logs.FilterPattern.stringValue('$.message', '=', UNDELIVERABLE_LOG_MESSAGE),
    logs.FilterPattern.numberValue('$.count', '>', 0),
  ),
  metricValue: '$.count',
};

export class RomactStack extends Stack {
  readonly table: dynamodb.Table;
  /** Evidence files and open-data exports. */
  readonly files: FileStorage;
  readonly stateMachines: Record<string, sfn.StateMachine> = {};
  readonly functions: Record<string, RomactFunction> = {};
  /** State machine name per template id. */
  readonly machineNames: Record<string, string> = {};
  readonly web: WebHosting;
  /** People sign in here: the Cognito user pool, its web client, and the claims trigger. */
  readonly signIn: SignIn;
  /** What the web app's `config.json` needs to sign people in (region, user pool id, client id). */
  readonly webSignIn: WebSignInConfig;
  /** The API's endpoint (the web app's `config.json` and the CloudFront origin). */
  readonly apiUrl: string;

  constructor(scope: Construct, id: string, props: RomactStackProps) {
    super(scope, id, props);
    const config = props.regionConfig;
    const removalPolicy = config.removalPolicy === 'destroy' ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;
    const logRetention = config.logRetentionDays as logs.RetentionDays;
    const prefix = `Romact-${props.stage}`;

    // Data at rest: one customer-managed key for the table, topics and queues of this region.
    const key = new kms.Key(this, 'DataKey', {
      description: `${prefix} data`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    key.grant(new iam.ServicePrincipal('sns.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    key.grant(new iam.ServicePrincipal('cloudwatch.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');

    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: tableDefinition.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: tableDefinition.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      encryption: dynamodb.TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: key,
      timeToLiveAttribute: tableDefinition.timeToLiveAttribute,
      // Planning data outlives any stack.
      removalPolicy: RemovalPolicy.RETAIN,
    });
    for (const index of tableDefinition.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    this.files = new FileStorage(this, 'Evidence', { key, removalPolicy: RemovalPolicy.RETAIN });

    const bus = new events.EventBus(this, 'Events', { eventBusName: `${prefix}-events` });
    const alarmTopic = new sns.Topic(this, 'Alarms', { masterKey: key, enforceSSL: true });
    alarmTopic.addSubscription(new subscriptions.EmailSubscription(config.alarmEmail));
    const deadLetters = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.KMS,
      encryptionMasterKey: key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });

    const machines: WorkflowMachine[] = [...builtInTemplates.keys()].map((templateId) => {
      const name = `${prefix}-${templateId}`;
      // By name, not by reference: functions that start executions would otherwise depend on the machine that
      // depends on them.
      const arn = `arn:${this.partition}:states:${this.region}:${this.account}:stateMachine:${name}`;
      return { templateId, name, arn, aliasArn: `${arn}:live` };
    });

    const fn = (
      name: string,
      entry: string,
      description: string,
      extra: { memorySize?: number; timeout?: Duration; deadLetterQueue?: sqs.IQueue } = {},
    ) => {
      const created = new RomactFunction(this, name, {
        entry: `${ROOT}${entry}`,
        description,
        logRetention,
        removalPolicy,
        logLevel: config.logLevel,
        ...extra,
      });
      this.functions[name] = created;
      return created;
    };

    // Sign-in: Cognito, passwordless (email or SMS codes); the claims come from the table through the trigger.
    const tokenClaims = fn(
      'Trigger-PreTokenGeneration',
      'functions/triggers/pre-token-generation.ts',
      'Cognito pre-token generation: the claims of the membership a person acts in',
      // Cognito waits 5 seconds for a trigger; more memory is more CPU for a quick cold start.
      { timeout: Duration.seconds(5), memorySize: 1024 },
    );
    // It declares a read of the table (functions/triggers/); the grant is narrower still: people's items only.
    tokenClaims.bindPersonRead(this.table);
    // It builds the same store as every table user, which is told the sweep's shards.
    tokenClaims.function.addEnvironment('SWEEP_SHARDS', String(config.sweepShards));
    this.signIn = new SignIn(this, 'SignIn', {
      signIn: config.signIn,
      removalPolicy,
      preTokenGeneration: tokenClaims.alias,
    });
    this.webSignIn = this.signIn.webConfig();
    const userPool = this.signIn.userPool;
    const client = this.signIn.client;

    // IAM from what each function declares it touches (functions/shared/access.ts): the same declaration the
    // local runtime enforces, so a route that writes cannot be granted read-only here by mistake.
    const grant = (created: RomactFunction, access: Access) => {
      if (access.table === 'sweep') created.bindSweep(this.table);
      else if (access.table) created.bindTable(this.table, access.table);
      // Writers place open tasks in the sweep's shards, the sweep reads them: every table user knows how many.
      if (access.table) created.function.addEnvironment('SWEEP_SHARDS', String(config.sweepShards));
      if (access.workflow?.length) created.bindWorkflow(machines, access.workflow);
      if (access.files) created.bindFiles(this.files, access.files);
      // Messages go to each person directly (SNS SMS, SES email), from the senders the config names.
      if (access.notify === 'messages')
        created.bindMessages(bus, {
          sms: config.sms,
          email: {
            from: config.signIn.emailFrom,
            fromName: config.signIn.emailFromName,
            sesIdentity: config.signIn.sesIdentity,
            sesRegion: config.signIn.sesRegion,
          },
        });
      else if (access.notify === 'events') created.bindEvents(bus);
      // Managing people in the user pool: only the functions that declare it (create, invite, erase, ...).
      if (access.directory) created.bindDirectory(userPool);
      return created;
    };

    // State machine steps.
    const steps = Object.fromEntries(
      stepNames.map((step) => [
        step,
        grant(
          fn(`Step-${step}`, stepEntry(step), `State machine step: ${step}`),
          stepDefinitions[step].access,
        ),
      ]),
    ) as Record<StepName, RomactFunction>;

    // API routes.
    // Sign-in runs on Cognito on AWS: the local sign-in routes are not deployed.
    // A family of routes shares one function (functions/shared/api-route.ts `family`), granted what each needs.
    const sharedFunctions = new Map<string, RomactFunction>();
    const routeFunctions = apiRoutes
      .filter((route) => !route.localOnly)
      .map((route) => {
        const name = routeFunctionName(route);
        let created = sharedFunctions.get(name);
        if (!created) {
          created = fn(
            `Api-${name}`,
            routeEntry(route),
            route.family ? `API routes: ${name}` : `${route.method} ${route.path}`,
          );
          sharedFunctions.set(name, created);
        }
        return { route, created: grant(created, route.access) };
      });

    // The deadline sweep, on a schedule; failed async invocations land in the dead-letter queue.
    const sweep = grant(
      fn('Sweep', 'functions/sweep/sweep-deadlines.ts', 'Deadline sweep: reminders, overdue, escalations', {
        timeout: Duration.minutes(5),
        deadLetterQueue: deadLetters,
      }),
      sweepAccess,
    );
    const sweepSchedule = new scheduler.Schedule(this, 'SweepSchedule', {
      schedule: scheduler.ScheduleExpression.rate(Duration.minutes(config.sweepIntervalMinutes)),
      target: new schedulerTargets.LambdaInvoke(sweep.alias, {
        deadLetterQueue: deadLetters,
        retryAttempts: 2,
        maxEventAge: Duration.minutes(config.sweepIntervalMinutes),
      }),
      description: 'Deadline sweep',
    });
    void sweepSchedule;

    // One Standard state machine per template: the compiled ASL, with the handlers' live aliases substituted.
    for (const machine of machines) {
      this.machineNames[machine.templateId] = machine.name;
      const template = builtInTemplates.get(machine.templateId);
      if (!template) continue;
      const logGroup = new logs.LogGroup(this, `Workflow-${machine.templateId}-Logs`, {
        logGroupName: `/aws/vendedlogs/states/${machine.name}`,
        retention: logRetention,
        removalPolicy,
      });
      const stateMachine = new sfn.StateMachine(this, `Workflow-${machine.templateId}`, {
        stateMachineName: machine.name,
        stateMachineType: sfn.StateMachineType.STANDARD,
        definitionBody: sfn.DefinitionBody.fromString(JSON.stringify(compileTemplate(template))),
        definitionSubstitutions: Object.fromEntries(
          stepNames.map((step) => [stepContracts[step].placeholder, steps[step].alias.functionArn]),
        ),
        // Execution data carries personal data: log errors without it.
        logs: { destination: logGroup, level: sfn.LogLevel.ERROR, includeExecutionData: false },
        tracingEnabled: true,
      });
      for (const step of Object.values(steps)) step.alias.grantInvoke(stateMachine);
      // A published version behind a `live` alias: running cycles keep the definition they started with.
      const version = new sfn.CfnStateMachineVersion(this, `Workflow-${machine.templateId}-Version`, {
        stateMachineArn: stateMachine.stateMachineArn,
        stateMachineRevisionId: stateMachine.stateMachineRevisionId,
        description: `${template.id} v${template.version}`,
      });
      // Kept when a later deploy publishes the next version: cycles started on this one chain into it for as
      // long as they run (Step Functions keeps up to 1,000 versions per state machine).
      version.applyRemovalPolicy(RemovalPolicy.RETAIN);
      new sfn.CfnStateMachineAlias(this, `Workflow-${machine.templateId}-Live`, {
        name: 'live',
        routingConfiguration: [{ stateMachineVersionArn: version.attrArn, weight: 100 }],
      });
      this.stateMachines[machine.templateId] = stateMachine;

      for (const [metric, label] of [
        [stateMachine.metricFailed(), 'failed'],
        [stateMachine.metricTimedOut(), 'timed out'],
        [stateMachine.metricAborted(), 'aborted'],
      ] as const) {
        new cloudwatch.Alarm(this, `Workflow-${machine.templateId}-${label.replace(' ', '')}`, {
          metric: metric.with({ period: Duration.minutes(5) }),
          threshold: 1,
          evaluationPeriods: 1,
          treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
          alarmDescription: `${machine.name}: executions ${label}`,
        }).addAlarmAction(new cwActions.SnsAction(alarmTopic));
      }
      new CfnOutput(this, `StateMachine-${machine.templateId}`, { value: machine.aliasArn });
    }

    // The account's SMS spend limit and sender in this region (Cognito's codes and the notifications).
    new SmsSettings(this, 'SmsSettings', { sms: config.sms, logRetention, removalPolicy });

    const accessLogs = new logs.LogGroup(this, 'ApiAccessLogs', { retention: logRetention, removalPolicy });
    const api = new apigw.HttpApi(this, 'Api', {
      apiName: `${prefix}-api`,
      // Access tokens of the web client: Cognito's access tokens carry no `aud`, and API Gateway then checks
      // `client_id` against the audience. Only access tokens carry the role (the trigger adds it there alone).
      defaultAuthorizer: new HttpJwtAuthorizer(
        'Jwt',
        `https://cognito-idp.${this.region}.amazonaws.com/${userPool.userPoolId}`,
        { jwtAudience: [client.userPoolClientId] },
      ),
    });
    // One integration (and one invoke permission) per function: a family's routes share them.
    const integrations = new Map<RomactFunction, HttpLambdaIntegration>();
    for (const { route, created } of routeFunctions) {
      let integration = integrations.get(created);
      if (!integration) {
        // A family's function serves each of its routes: one permission for the API, not one per route.
        integration = new HttpLambdaIntegration(`Integration-${route.name}`, created.alias, {
          scopePermissionToRoute: !route.family,
        });
        integrations.set(created, integration);
      }
      api.addRoutes({
        path: route.path,
        methods: [route.method as apigw.HttpMethod],
        integration,
        // A public route (a calendar URL that carries its own secret) has no authorizer.
        ...(route.auth === 'none' ? { authorizer: new apigw.HttpNoneAuthorizer() } : {}),
      });
    }
    const stage = api.defaultStage?.node.defaultChild as apigw.CfnStage;
    stage.defaultRouteSettings = { throttlingBurstLimit: 100, throttlingRateLimit: 50 };
    // Access logs without bodies or tokens: who called what, and how it went.
    stage.accessLogSettings = {
      destinationArn: accessLogs.logGroupArn,
      format: JSON.stringify({
        requestId: '$context.requestId',
        time: '$context.requestTime',
        route: '$context.routeKey',
        status: '$context.status',
        latency: '$context.responseLatency',
        integrationError: '$context.integrationErrorMessage',
        ip: '$context.identity.sourceIp',
      }),
    };

    // Alarms: Lambda errors, Lambda throttles, dead letters, and a sweep that has not run for two intervals.
    // Errors are summed over groups of ten functions (the most one alarm's metric math may read) and throttles
    // over the region, whose concurrency all functions share: an alarm per function and metric would spend ~90 of
    // CloudFormation's 500 resources per stack. The alarm names its functions; their logs say which failed.
    const functionEntries = Object.entries(this.functions);
    for (let start = 0; start < functionEntries.length; start += 10) {
      const group = functionEntries.slice(start, start + 10);
      const usingMetrics = Object.fromEntries(
        group.map(([, created], index) => [
          `e${index}`,
          created.function.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
        ]),
      );
      new cloudwatch.Alarm(this, `Errors-${start / 10}`, {
        alarmDescription: `Lambda errors in: ${group.map(([name]) => name).join(', ')}`,
        metric: new cloudwatch.MathExpression({
          expression: `SUM([${Object.keys(usingMetrics).join(',')}])`,
          usingMetrics,
          period: Duration.minutes(5),
        }),
        threshold: 1,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      }).addAlarmAction(new cwActions.SnsAction(alarmTopic));
    }
    new cloudwatch.Alarm(this, 'LambdaThrottles', {
      metric: lambda.Function.metricAllThrottles({ period: Duration.minutes(5), statistic: 'Sum' }),
      threshold: 1,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new cwActions.SnsAction(alarmTopic));
    new cloudwatch.Alarm(this, 'DeadLettersVisible', {
      metric: deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5) }),
      threshold: 1,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    }).addAlarmAction(new cwActions.SnsAction(alarmTopic));
    new cloudwatch.Alarm(this, 'SweepNotRunning', {
      metric: sweep.function.metricInvocations({
        period: Duration.minutes(config.sweepIntervalMinutes * 2),
        statistic: 'Sum',
      }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.BREACHING,
      alarmDescription: `The deadline sweep has not run for ${config.sweepIntervalMinutes * 2} minutes`,
    }).addAlarmAction(new cwActions.SnsAction(alarmTopic));

    // A notification nobody could receive (the sweep, and the open-task step as it announces a task, log one line
    // with the count): never silent. One metric, fed by each log group that can carry the line.
    const undeliverableFilters = [
      ['UndeliverableNotifications', sweep],
      ['UndeliverableNotificationsOnOpen', steps.openTask],
    ] as const;
    const [undeliverable] = undeliverableFilters.map(
      ([id, source]) =>
        new logs.MetricFilter(this, id, {
          logGroup: source.logGroup,
          metricNamespace: `Romact/${props.stage}`,
          metricName: 'UndeliverableNotifications',
          filterPattern: undeliverableLogLine.pattern,
          metricValue: undeliverableLogLine.metricValue,
        }),
    );
    if (!undeliverable) throw new Error('No undeliverable-notification filter');
    new cloudwatch.Alarm(this, 'UndeliverableNotificationsAlarm', {
      metric: undeliverable.metric({ statistic: 'Sum', period: Duration.minutes(5) }),
      threshold: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription:
        'A notification reached nobody (no member holds the role, or nobody has a channel): the coordinators see it in their view',
    }).addAlarmAction(new cwActions.SnsAction(alarmTopic));

    this.apiUrl = api.apiEndpoint;

    // The web app (issue 14): S3 + CloudFront, the API behind the same domain, config.json for this region.
    this.web = new WebHosting(this, 'Web', {
      api: { endpoint: api.apiEndpoint, paths: apiRoutes.map((route) => route.path) },
      userPoolId: userPool.userPoolId,
      userPoolClientId: client.userPoolClientId,
      removalPolicy,
    });

    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
    new CfnOutput(this, 'UserPoolId', { value: userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.table.tableName });
  }
}
