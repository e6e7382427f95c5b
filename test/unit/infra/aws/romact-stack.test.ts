import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '#functions/routes.ts';
import { loadDeployConfig, parseDeployConfig } from '#infra/aws/config.ts';
import { acknowledgeFindings } from '#infra/aws/nag-acknowledgements.ts';
import { RomactStack } from '#infra/aws/romact-stack.ts';
import { tableDefinition } from '#shared/adapters/dynamodb/table-definition.ts';
import { compileTemplate } from '#workflows/compile/compile-template.ts';
import { builtInTemplates } from '#workflows/templates/index.ts';

const config = loadDeployConfig(
  new URL('../../../../infra/aws/regions.example.json', import.meta.url).pathname,
);

/** Synthesises one region's stack without bundling (bundles are checked by the bundle report). */
function synth(regionIndex: number) {
  const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
  const regionConfig = config.regions[regionIndex];
  if (!regionConfig) throw new Error('no region');
  const stack = new RomactStack(app, `Romact-${config.stage}-${regionConfig.region}`, {
    stage: config.stage,
    regionConfig,
    env: { region: regionConfig.region },
  });
  acknowledgeFindings(stack);
  return { app, stack, template: Template.fromStack(stack) };
}

const stacks = config.regions.map((region, index) => [region.region, index] as const);

describe.each(stacks)('Romact stack in %s', (_region, index) => {
  const { template } = synth(index);

  it('has one on-demand, encrypted, point-in-time-recoverable, retained table with every index', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({
        BillingMode: 'PAY_PER_REQUEST',
        DeletionProtectionEnabled: true,
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: Match.objectLike({
          SSEEnabled: true,
          SSEType: 'KMS',
          KMSMasterKeyId: Match.anyValue(),
        }),
        TimeToLiveSpecification: { AttributeName: tableDefinition.timeToLiveAttribute, Enabled: true },
        GlobalSecondaryIndexes: tableDefinition.indexes.map((gsi) =>
          Match.objectLike({
            IndexName: gsi.name,
            KeySchema: [
              { AttributeName: gsi.partitionKey, KeyType: 'HASH' },
              { AttributeName: gsi.sortKey, KeyType: 'RANGE' },
            ],
          }),
        ),
      }),
    });
  });

  it('deploys exactly the compiled ASL for each template, with a version and a live alias', () => {
    const machines = template.findResources('AWS::StepFunctions::StateMachine');
    expect(Object.keys(machines)).toHaveLength(builtInTemplates.size);
    for (const [templateId, definition] of [...builtInTemplates.values()].map(
      (one) => [one.id, compileTemplate(one)] as const,
    )) {
      const machine = Object.values(machines).find((resource) =>
        resource.Properties.StateMachineName.endsWith(`-${templateId}`),
      );
      expect(machine?.Properties).toMatchObject({
        StateMachineType: 'STANDARD',
        LoggingConfiguration: { Level: 'ERROR', IncludeExecutionData: false },
        TracingConfiguration: { Enabled: true },
      });
      expect(JSON.parse(machine?.Properties.DefinitionString)).toEqual(definition);
      // Every placeholder of the definition has a substitution (a template may not use every step).
      expect(Object.keys(machine?.Properties.DefinitionSubstitutions)).toEqual(
        expect.arrayContaining([
          ...new Set(
            JSON.stringify(definition)
              .match(/\$\{(\w+)\}/g)
              ?.map((placeholder) => placeholder.slice(2, -1)),
          ),
        ]),
      );
    }
    template.resourceCountIs('AWS::StepFunctions::StateMachineVersion', builtInTemplates.size);
    template.resourcePropertiesCountIs(
      'AWS::StepFunctions::StateMachineAlias',
      { Name: 'live' },
      builtInTemplates.size,
    );
  });

  it('runs every handler on arm64 nodejs22.x behind a live alias, with its own log group', () => {
    // The project's handlers (RomactFunction); CDK's own custom-resource providers are not handlers.
    const functions = Object.values(template.findResources('AWS::Lambda::Function')).filter(
      (resource) => resource.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME,
    );
    const count = functions.length;
    // A function per API route (or per family of routes sharing one), 7 steps, the sweep and Cognito's trigger.
    const routeFunctions = new Set(
      apiRoutes.filter((route) => !route.localOnly).map((route) => route.family?.name ?? route.name),
    );
    expect(count).toBe(routeFunctions.size + 7 + 1 + 1);
    for (const resource of functions) {
      expect(resource.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        TracingConfig: { Mode: 'Active' },
      });
      expect(resource.Properties.LoggingConfig?.LogGroup).toBeDefined();
    }
    template.resourcePropertiesCountIs('AWS::Lambda::Alias', { Name: 'live' }, count);
  });

  it('puts every API route but the public ones behind the JWT authorizer, with throttling and body-free access logs', () => {
    const routes = Object.values(template.findResources('AWS::ApiGatewayV2::Route'));
    const deployed = apiRoutes.filter((route) => !route.localOnly);
    expect(routes).toHaveLength(deployed.length);
    const publicKeys = deployed
      .filter((route) => route.auth === 'none')
      .map((route) => `${route.method} ${route.path}`);
    for (const route of routes) {
      const isPublic = publicKeys.includes(route.Properties.RouteKey);
      expect(route.Properties.AuthorizationType, route.Properties.RouteKey).toBe(isPublic ? 'NONE' : 'JWT');
    }
    template.hasResourceProperties('AWS::ApiGatewayV2::Authorizer', { AuthorizerType: 'JWT' });
    const stage = Object.values(template.findResources('AWS::ApiGatewayV2::Stage'))[0];
    expect(stage?.Properties.DefaultRouteSettings).toMatchObject({
      ThrottlingBurstLimit: 100,
      ThrottlingRateLimit: 50,
    });
    expect(stage?.Properties.AccessLogSettings.Format).not.toMatch(/body|authorization/i);
  });

  it('scopes IAM to what each function uses', () => {
    const policies = template.findResources('AWS::IAM::Policy');
    const statementsOf = (fragment: string) =>
      Object.entries(policies).find(([id]) => id.startsWith(fragment))?.[1].Properties.PolicyDocument
        .Statement as { Action: string | string[]; Resource: unknown }[];
    const actionsOf = (fragment: string) =>
      statementsOf(fragment).flatMap((statement) => [statement.Action].flat());
    expect(actionsOf('ApicompletetaskFunction')).toContain('states:SendTaskSuccess');
    expect(actionsOf('ApilisttasksFunction')).not.toContain('dynamodb:PutItem');
    expect(actionsOf('ApilisttasksFunction')).not.toContain('states:SendTaskSuccess');
    expect(actionsOf('ApigetcycleFunction').filter((action) => action.startsWith('states:'))).toEqual([]);
    expect(actionsOf('ApistartcycleFunction')).toContain('states:StartExecution');
    const sweepQuery = statementsOf('SweepFunction').find((statement) =>
      [statement.Action].flat().includes('dynamodb:Query'),
    );
    expect(JSON.stringify(sweepQuery?.Resource)).toContain('/index/Sweep');
    expect(JSON.stringify(sweepQuery?.Resource)).not.toContain('/index/*');
  });

  it('lets the functions that send messages text phone numbers (no topic) and email from the sign-in sender only', () => {
    const policies = template.findResources('AWS::IAM::Policy');
    type Statement = { Action: string | string[]; Effect: string; Resource: unknown; Condition?: unknown };
    const statementsOf = (fragment: string) =>
      (Object.entries(policies).find(([id]) => id.startsWith(fragment))?.[1].Properties.PolicyDocument
        .Statement ?? []) as Statement[];
    const region = config.regions[index];
    const sender = region?.signIn.emailFrom ?? '';
    for (const sends of ['SweepFunction', 'ApicompletetaskFunction']) {
      const statements = statementsOf(sends);
      // SMS to phone numbers: they have no ARN, so `*` in this region, and every topic or endpoint denied.
      expect(statements).toContainEqual({
        Action: 'sns:Publish',
        Effect: 'Allow',
        Resource: '*',
        Condition: { StringEquals: { 'aws:RequestedRegion': region?.region } },
      });
      expect(statements).toContainEqual({
        Action: 'sns:Publish',
        Effect: 'Deny',
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':sns:*:*:*']] },
      });
      // Email on the verified identity only, and only from its sender.
      const email = statements.find((statement) => statement.Action === 'ses:SendEmail');
      expect(email?.Condition).toEqual({ StringEquals: { 'ses:FromAddress': sender } });
      expect(JSON.stringify(email?.Resource)).toContain(`:identity/${sender.split('@')[1]}`);
      expect(JSON.stringify(email?.Resource)).not.toContain('*');
    }
    // A function that only publishes events sends nothing to people.
    const eventsOnly = statementsOf('StepphaseStartedFunction').flatMap((statement) =>
      [statement.Action].flat(),
    );
    expect(eventsOnly).toContain('events:PutEvents');
    expect(eventsOnly).not.toContain('sns:Publish');
    expect(eventsOnly).not.toContain('ses:SendEmail');
    // The sender reaches the functions as configured; no notification topic is left to publish to.
    const sweep = Object.entries(template.findResources('AWS::Lambda::Function')).find(([id]) =>
      id.startsWith('SweepFunction'),
    )?.[1];
    expect(sweep?.Properties.Environment.Variables).toMatchObject({
      EMAIL_FROM: `"${region?.signIn.emailFromName}" <${sender}>`,
      SMS_SENDER_ID: region?.sms.senderId,
    });
    expect(JSON.stringify(sweep?.Properties.Environment.Variables)).not.toContain('NOTIFICATION_TOPIC_ARN');
    template.resourceCountIs('AWS::SNS::Topic', 1);
  });

  it('keeps evidence files in a private, KMS-encrypted bucket, moving ended cycles’ files to cheaper storage', () => {
    const buckets = Object.values(template.findResources('AWS::S3::Bucket')).filter((bucket) =>
      JSON.stringify(bucket).includes('ended-cycles-to-cheaper-storage'),
    );
    expect(buckets).toHaveLength(1);
    const files = buckets[0]?.Properties;
    expect(files.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(files.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault).toEqual(
      expect.objectContaining({ SSEAlgorithm: 'aws:kms' }),
    );
    const rule = files.LifecycleConfiguration.Rules.find(
      (one: { Id: string }) => one.Id === 'ended-cycles-to-cheaper-storage',
    );
    expect(rule).toMatchObject({
      Prefix: 'cycles/',
      TagFilters: [{ Key: 'romact-cycle', Value: 'ended' }],
      Transitions: [{ StorageClass: 'GLACIER_IR', TransitionInDays: 30 }],
    });
  });

  it('lets only the functions that handle files touch the bucket, each under its prefix', () => {
    const policies = template.findResources('AWS::IAM::Policy');
    const s3Of = (fragment: string) =>
      (
        (Object.entries(policies).find(([id]) => id.startsWith(fragment))?.[1].Properties.PolicyDocument
          .Statement ?? []) as { Action: string | string[]; Resource: unknown }[]
      ).filter((statement) => [statement.Action].flat().some((action) => action.startsWith('s3:')));
    const upload = s3Of('ApievidenceFunction');
    expect(upload.flatMap((statement) => [statement.Action].flat())).toContain('s3:PutObject');
    expect(JSON.stringify(upload.map((statement) => statement.Resource))).toContain('/cycles/*');
    expect(s3Of('ApigettaskFunction')).toEqual([]);
    expect(s3Of('ApipublicFunction')).toEqual([]);
  });

  it('stays well inside CloudFormation’s 500 resources per stack, with room for new routes and templates', () => {
    // `cdk deploy` refuses a stack past 500; each new route function costs about 7 resources.
    const resources = Object.keys(template.toJSON().Resources ?? {}).length;
    expect(resources).toBeLessThanOrEqual(470);
  });

  it('has events, the sweep schedule with a dead-letter queue, and alarms (to an encrypted topic)', () => {
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: Match.anyValue() });
    template.resourceCountIs('AWS::Events::EventBus', 1);
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: `rate(${config.regions[index]?.sweepIntervalMinutes} minutes)`,
      Target: Match.objectLike({ DeadLetterConfig: Match.objectLike({ Arn: Match.anyValue() }) }),
    });
    template.hasResourceProperties('AWS::SQS::Queue', { KmsMasterKeyId: Match.anyValue() });
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    const metrics = alarms.flatMap((alarm) => [
      alarm.Properties.MetricName,
      ...((alarm.Properties.Metrics ?? []) as { MetricStat?: { Metric: { MetricName: string } } }[]).map(
        (one) => one.MetricStat?.Metric.MetricName,
      ),
    ]);
    for (const metric of [
      'ExecutionsFailed',
      'ExecutionsTimedOut',
      'ExecutionsAborted',
      'Errors',
      'Throttles',
      'ApproximateNumberOfMessagesVisible',
      'Invocations',
    ]) {
      expect(metrics).toContain(metric);
    }
    // One alarm on the region's Lambda throttles, not one per function; every function's errors are watched.
    expect(metrics.filter((metric) => metric === 'Throttles')).toHaveLength(1);
    const functions = Object.keys(template.findResources('AWS::Lambda::Function')).filter((id) =>
      /^(Api|Step|Sweep|Trigger)/.test(id),
    );
    expect(metrics.filter((metric) => metric === 'Errors')).toHaveLength(functions.length);
    template.hasOutput('ApiUrl', {});
    template.hasOutput('UserPoolId', {});
    template.hasOutput('TableName', {});
  });
});

/** Synthesises a region as `cdk synth` does, with cdk-nag registered, and returns the validation report. */
function synthWithNag(acknowledge: boolean): { threw: boolean; report: string } {
  const outdir = mkdtempSync(join(tmpdir(), 'romact-cdk-'));
  const app = new App({ outdir, context: { 'aws:cdk:bundling-stacks': [] } });
  const regionConfig = config.regions[0];
  if (!regionConfig) throw new Error('no region');
  const stack = new RomactStack(app, 'Romact-test-nag', {
    stage: config.stage,
    regionConfig,
    env: { region: regionConfig.region },
  });
  if (acknowledge) acknowledgeFindings(stack);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  let threw = false;
  try {
    app.synth();
  } catch {
    threw = true;
  }
  const path = join(outdir, 'validation-report.json');
  return { threw, report: existsSync(path) ? readFileSync(path, 'utf8') : '' };
}

describe('cdk-nag (AWS Solutions and Serverless packs)', () => {
  it('finds nothing unacknowledged: synthesis passes validation', () => {
    const { threw, report } = synthWithNag(true);
    expect(threw, report.slice(0, 2_000)).toBe(false);
  });

  it('would fail synthesis if the acknowledgements were removed (the check can fail)', () => {
    expect(synthWithNag(false).threw).toBe(true);
  });
});

describe('Deploy config', () => {
  it('names the bad field when a region config is wrong', () => {
    const bad = structuredClone(config) as unknown as { regions: Record<string, unknown>[] };
    (bad.regions[0] as Record<string, unknown>).region = 'europe';
    (bad.regions[1] as Record<string, unknown>).alarmEmail = 'nobody';
    expect(() => parseDeployConfig(bad, 'test.json')).toThrow(
      /regions\.0\.region: must be an AWS region.*regions\.1\.alarmEmail/,
    );
  });

  it('refuses a country served by two regions', () => {
    const bad = structuredClone(config);
    bad.regions[1]?.countries.push({ code: 'BG', locale: 'bg', timeZone: 'Europe/Sofia' });
    expect(() => parseDeployConfig(bad)).toThrow(/regions\.1\.countries: BG is already served by regions\.0/);
  });
});
