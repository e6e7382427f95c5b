import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { describe, expect, it } from 'vitest';
import { apiRoutes } from '#functions/routes.ts';
import { loadDeployConfig, parseDeployConfig, type RegionConfig } from '#infra/aws/config.ts';
import { PERSON_PARTITION_PREFIX, RomactFunction } from '#infra/aws/constructs/romact-function.ts';
import { SignIn, SMS_CODE_MESSAGE } from '#infra/aws/constructs/sign-in.ts';
import { smsAttributes } from '#infra/aws/constructs/sms-settings.ts';
import { RomactStack, undeliverableLogLine } from '#infra/aws/romact-stack.ts';
import { keys } from '#shared/adapters/dynamodb/keys.ts';
import { ACCESS_TOKEN_SECONDS, REFRESH_GRACE_SECONDS, SESSION_DAYS } from '#shared/domain/ops/sessions.ts';
import { SIGN_IN_CODE_MINUTES } from '#shared/domain/ops/sign-in-codes.ts';

const config = loadDeployConfig(
  new URL('../../../../infra/aws/regions.example.json', import.meta.url).pathname,
);
const region = config.regions[0] as RegionConfig;
const NO_BUNDLING = { 'aws:cdk:bundling-stacks': [] };

/** The example's first region (passkeys configured), synthesised without bundling. */
function synthRegion() {
  const app = new App({ context: NO_BUNDLING });
  const stack = new RomactStack(app, 'Romact-prod-eu-central-1', {
    stage: config.stage,
    regionConfig: region,
    env: { region: region.region },
  });
  return { stack, template: Template.fromStack(stack) };
}

/** One resource of a type (the test fails when there is not exactly one). */
function only(template: Template, type: string) {
  const found = Object.entries(template.findResources(type));
  expect(found, type).toHaveLength(1);
  const [id, resource] = found[0] as [string, { Properties: any }];
  return { id, properties: resource.Properties };
}

describe('Sign-in on AWS: the user pool', () => {
  const { stack, template } = synthRegion();
  const pool = only(template, 'AWS::Cognito::UserPool');
  const client = only(template, 'AWS::Cognito::UserPoolClient');

  it('is passwordless on the Essentials plan: email and SMS codes first (and passkeys, with the web domain set), no self sign-up, no MFA, recovery by an administrator', () => {
    expect(pool.properties).toMatchObject({
      UserPoolTier: 'ESSENTIALS',
      Policies: {
        SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'] },
      },
      WebAuthnRelyingPartyID: region.signIn.passkeyRelyingPartyId,
      WebAuthnUserVerification: 'required',
      AdminCreateUserConfig: { AllowAdminCreateUserOnly: true },
      UsernameAttributes: ['email', 'phone_number'],
      UsernameConfiguration: { CaseSensitive: false },
      MfaConfiguration: 'OFF',
      AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'admin_only', Priority: 1 }] },
      DeletionProtection: 'ACTIVE',
    });
    // People are created with a random password nobody is told; the policy holds whatever Cognito generates.
    expect(pool.properties.Policies.PasswordPolicy.MinimumLength).toBeGreaterThanOrEqual(16);
    expect(pool.properties.Schema ?? []).toEqual([]);
  });

  it('sends email codes through SES from the configured sender, and SMS codes through SNS with a role Cognito assumes with an external id', () => {
    expect(pool.properties.EmailConfiguration).toMatchObject({
      EmailSendingAccount: 'DEVELOPER',
      From: `${region.signIn.emailFromName} <${region.signIn.emailFrom}>`,
    });
    expect(JSON.stringify(pool.properties.EmailConfiguration.SourceArn)).toContain(`:ses:${region.region}:`);
    expect(pool.properties.EmailAuthenticationMessage).toContain('{####}');
    expect(pool.properties.SmsAuthenticationMessage).toBe(SMS_CODE_MESSAGE);
    expect(SMS_CODE_MESSAGE.length).toBeLessThanOrEqual(70);

    const sms = pool.properties.SmsConfiguration;
    const role = template.findResources('AWS::IAM::Role')[sms.SnsCallerArn['Fn::GetAtt'][0]]?.Properties;
    expect(sms.ExternalId).toBeTruthy();
    expect(role.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Action: 'sts:AssumeRole',
        Effect: 'Allow',
        Principal: { Service: 'cognito-idp.amazonaws.com' },
        Condition: {
          StringEquals: { 'sts:ExternalId': sms.ExternalId, 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
        },
      },
    ]);
    // SMS to phone numbers only: publishing to any topic is denied.
    expect(role.Policies[0].PolicyDocument.Statement).toEqual([
      { Action: 'sns:Publish', Effect: 'Allow', Resource: '*' },
      {
        Action: 'sns:Publish',
        Effect: 'Deny',
        Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':sns:*:*:*']] },
      },
    ]);
    expect(role.ManagedPolicyArns).toBeUndefined();
  });

  it('has one web client: USER_AUTH only, access tokens as short as the local ones, rotating refresh tokens for a local session’s length, no secret and no OAuth', () => {
    expect(client.properties).toMatchObject({
      UserPoolId: { Ref: pool.id },
      ExplicitAuthFlows: ['ALLOW_USER_AUTH'],
      GenerateSecret: false,
      AllowedOAuthFlowsUserPoolClient: false,
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      AccessTokenValidity: ACCESS_TOKEN_SECONDS / 60,
      IdTokenValidity: ACCESS_TOKEN_SECONDS / 60,
      RefreshTokenValidity: SESSION_DAYS * 24 * 60,
      TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'minutes' },
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: REFRESH_GRACE_SECONDS },
      AuthSessionValidity: SIGN_IN_CODE_MINUTES,
    });
    expect(ACCESS_TOKEN_SECONDS).toBe(15 * 60);
    // People cannot change the addresses they sign in with behind the API's back.
    expect(client.properties.WriteAttributes).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/^(email|phone_number)/)]),
    );
  });

  it('runs the pre-token-generation trigger as version 2 (access-token claims), on the live alias of its own function', () => {
    const trigger = stack.functions['Trigger-PreTokenGeneration'] as RomactFunction;
    const aliasRef = stack.resolve(trigger.alias.functionArn);
    expect(pool.properties.LambdaConfig).toEqual({
      PreTokenGenerationConfig: { LambdaArn: aliasRef, LambdaVersion: 'V2_0' },
    });
    template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: aliasRef,
      Principal: 'cognito-idp.amazonaws.com',
      SourceArn: { 'Fn::GetAtt': [pool.id, 'Arn'] },
    });
    const fn =
      template.findResources('AWS::Lambda::Function')[
        stack.getLogicalId(trigger.function.node.defaultChild as never)
      ]?.Properties;
    expect(fn).toMatchObject({ Timeout: 5, Runtime: 'nodejs22.x', Architectures: ['arm64'] });
  });

  it('lets the trigger read people’s items only: GetItem and Query where every partition key is a person’s, no index, no scan, no write', () => {
    const trigger = stack.functions['Trigger-PreTokenGeneration'] as RomactFunction;
    const roleRef = stack.resolve((trigger.function.role as never as { roleName: string }).roleName);
    const policies = Object.values(template.findResources('AWS::IAM::Policy')).filter((policy) =>
      JSON.stringify(policy.Properties.Roles).includes(JSON.stringify(roleRef)),
    );
    expect(policies).toHaveLength(1);
    const tableId = stack.getLogicalId(stack.table.node.defaultChild as never);
    expect(policies[0]?.Properties.PolicyDocument.Statement).toEqual([
      { Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Effect: 'Allow', Resource: '*' },
      {
        Action: ['dynamodb:GetItem', 'dynamodb:Query'],
        Effect: 'Allow',
        Resource: { 'Fn::GetAtt': [tableId, 'Arn'] },
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['USER#*'] } },
      },
      {
        Action: 'kms:Decrypt',
        Effect: 'Allow',
        Resource: stack.resolve(stack.table.encryptionKey?.keyArn),
        Condition: { StringEquals: { 'kms:ViaService': `dynamodb.${region.region}.amazonaws.com` } },
      },
    ]);
  });

  it('covers a person’s profile and memberships with that prefix, and none of the other items', () => {
    expect(PERSON_PARTITION_PREFIX).toBe('USER#');
    const uuid = 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6';
    for (const key of [keys.user(uuid), keys.membership(uuid, 'mbr-1')]) {
      expect(key.PK.startsWith(PERSON_PARTITION_PREFIX)).toBe(true);
    }
    for (const key of [
      keys.cycle('cyc-1'),
      keys.session('ses-1'),
      keys.address('hash'),
      keys.signInCode('hash'),
      keys.calendarToken('hash'),
      keys.municipalityMember('bg-1', uuid, 'mbr-1'),
      keys.countryCoordinator('BG', uuid, 'mbr-1'),
    ]) {
      expect(key.PK.startsWith(PERSON_PARTITION_PREFIX), key.PK).toBe(false);
    }
  });

  it('sets the region’s SMS spend limit, sender id and message type with SNS.setSMSAttributes, allowed that call only', () => {
    const settings = only(template, 'Custom::SmsSettings');
    for (const phase of ['Create', 'Update']) {
      expect(JSON.parse(settings.properties[phase])).toMatchObject({
        service: 'SNS',
        action: 'setSMSAttributes',
        parameters: {
          attributes: {
            MonthlySpendLimit: String(region.sms.monthlySpendLimitUsd),
            DefaultSenderID: region.sms.senderId,
            DefaultSMSType: 'Transactional',
          },
        },
      });
    }
    expect(settings.properties.Delete).toBeUndefined();
    const policy = Object.entries(template.findResources('AWS::IAM::Policy')).find(([id]) =>
      id.startsWith('SmsSettingsApplyCustomResourcePolicy'),
    )?.[1];
    expect(policy?.Properties.PolicyDocument.Statement).toEqual([
      { Action: 'sns:SetSMSAttributes', Effect: 'Allow', Resource: '*' },
    ]);
  });

  it('has the API accept the web client’s tokens only (audience = client id, issuer = this pool)', () => {
    const authorizer = only(template, 'AWS::ApiGatewayV2::Authorizer');
    expect(authorizer.properties).toMatchObject({
      AuthorizerType: 'JWT',
      IdentitySource: ['$request.header.Authorization'],
      JwtConfiguration: {
        Audience: [{ Ref: client.id }],
        Issuer: {
          'Fn::Join': ['', [`https://cognito-idp.${region.region}.amazonaws.com/`, { Ref: pool.id }]],
        },
      },
    });
  });

  it('gives the web app its sign-in settings as stack properties and outputs: region, user pool id, client id', () => {
    expect(stack.resolve(stack.webSignIn)).toEqual({
      region: region.region,
      userPoolId: { Ref: pool.id },
      userPoolClientId: { Ref: client.id },
    });
    template.hasOutput('UserPoolId', { Value: { Ref: pool.id } });
    template.hasOutput('UserPoolClientId', { Value: { Ref: client.id } });
  });

  it('alarms on the alarm topic when the sweep or the open-task step logs a notification nobody could receive', () => {
    const logGroupOf = (name: string) =>
      stack.resolve((stack.functions[name] as RomactFunction).logGroup.logGroupName);
    const filters = Object.values(template.findResources('AWS::Logs::MetricFilter')).map(
      (resource) => resource.Properties,
    );
    const expected = (logGroup: unknown) => ({
      LogGroupName: logGroup,
      FilterPattern: undeliverableLogLine.pattern.logPatternString,
      MetricTransformations: [
        {
          MetricNamespace: `Romact/${config.stage}`,
          MetricName: 'UndeliverableNotifications',
          MetricValue: '$.count',
        },
      ],
    });
    expect(filters).toHaveLength(2);
    expect(filters).toContainEqual(expected(logGroupOf('Sweep')));
    expect(filters).toContainEqual(expected(logGroupOf('Step-openTask')));
    const alarmTopic = Object.keys(template.findResources('AWS::SNS::Topic')).find((id) =>
      id.startsWith('Alarms'),
    );
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: `Romact/${config.stage}`,
      MetricName: 'UndeliverableNotifications',
      Statistic: 'Sum',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: [{ Ref: alarmTopic }],
    });
  });
});

describe('Sign-in on AWS: who may manage people in the user pool', () => {
  const { stack, template } = synthRegion();
  const poolId = stack.getLogicalId(stack.signIn.userPool.node.defaultChild as never);
  const policies = template.findResources('AWS::IAM::Policy');
  /** The cognito-idp actions a function's role may call, from its policies in the template. */
  const cognitoActionsOf = (name: string) => {
    const role = stack.resolve((stack.functions[name] as RomactFunction).function.role?.roleName);
    return Object.values(policies)
      .filter((policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([role]))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as { Action: string | string[] }[])
      .flatMap((statement) => [statement.Action].flat())
      .filter((action) => action.startsWith('cognito-idp:'));
  };
  const declaring = apiRoutes.filter((route) => !route.localOnly && route.access.directory);

  it('grants the directory’s calls to exactly the routes that declare `directory`, with the pool id', () => {
    // The routes that create, change, sign out or erase people declare it; nothing else.
    expect(declaring.map((route) => route.name).sort()).toEqual(
      ['create-user', 'erase-user', 'invite-member', 'put-municipality', 'remove-member'].sort(),
    );
    for (const route of declaring) {
      expect(cognitoActionsOf(`Api-${route.name}`), route.name).toContain('cognito-idp:AdminCreateUser');
      template.hasResourceProperties('AWS::IAM::Policy', {
        Roles: [
          stack.resolve((stack.functions[`Api-${route.name}`] as RomactFunction).function.role?.roleName),
        ],
        PolicyDocument: {
          Statement: Match.arrayWith([Match.objectLike({ Resource: { 'Fn::GetAtt': [poolId, 'Arn'] } })]),
        },
      });
    }
  });

  it('grants no other function any cognito-idp call, nor tells it the pool id', () => {
    const allowed = new Set(declaring.map((route) => `Api-${route.name}`));
    const others = Object.keys(stack.functions).filter((name) => !allowed.has(name));
    expect(others.length).toBeGreaterThan(20);
    for (const name of others) expect(cognitoActionsOf(name), name).toEqual([]);
    const functions = template.findResources('AWS::Lambda::Function');
    const withPool = Object.entries(functions)
      .filter(([, resource]) => resource.Properties.Environment?.Variables?.USER_POOL_ID)
      .map(([id]) => id);
    expect(withPool.sort()).toEqual(
      [...allowed]
        .map((name) =>
          stack.getLogicalId((stack.functions[name] as RomactFunction).function.node.defaultChild as never),
        )
        .sort(),
    );
  });
});

describe('Sign-in on AWS: settings per region', () => {
  /** A region's sign-in alone, with other settings. */
  function signInWith(signIn: Partial<RegionConfig['signIn']>) {
    const stack = new Stack(new App(), 'SignInOnly', { env: { region: 'eu-south-1' } });
    const trigger = new lambda.Function(stack, 'Claims', {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler: 'index.handler',
      code: lambda.Code.fromInline('export const handler = async (event) => event;'),
    });
    new SignIn(stack, 'SignIn', {
      signIn: { ...region.signIn, passkeyRelyingPartyId: undefined, ...signIn } as RegionConfig['signIn'],
      removalPolicy: RemovalPolicy.DESTROY,
      preTokenGeneration: trigger,
    });
    return only(Template.fromStack(stack), 'AWS::Cognito::UserPool').properties;
  }

  it('offers passkeys only where the web app’s domain is configured', () => {
    const pool = signInWith({});

    expect(pool.Policies.SignInPolicy.AllowedFirstAuthFactors).toEqual(['PASSWORD', 'EMAIL_OTP', 'SMS_OTP']);
    expect(pool.WebAuthnRelyingPartyID).toBeUndefined();
    expect(pool.DeletionProtection).toBe('INACTIVE');
  });

  it('names the SES identity the sender’s domain, or the address itself, in the configured SES region', () => {
    const byDomain = signInWith({ emailFrom: 'codes@mail.romact.example' });
    const byAddress = signInWith({
      emailFrom: 'codes@mail.romact.example',
      sesIdentity: 'address',
      sesRegion: 'eu-west-1',
    });

    expect(JSON.stringify(byDomain.EmailConfiguration.SourceArn)).toMatch(
      /:ses:eu-south-1:.*:identity\/mail\.romact\.example"/,
    );
    expect(JSON.stringify(byAddress.EmailConfiguration.SourceArn)).toMatch(
      /:ses:eu-west-1:.*:identity\/codes@mail\.romact\.example"/,
    );
  });

  it('grants the user directory exactly the calls it makes, on this pool only', () => {
    const stack = new Stack(new App({ context: NO_BUNDLING }), 'Directory', {
      env: { region: 'eu-south-1' },
    });
    const pool = new cognito.UserPool(stack, 'Pool');
    const fn = new RomactFunction(stack, 'People', {
      entry: new URL('../../../../functions/api/people/invite-member.ts', import.meta.url).pathname,
      description: 'invites',
      logRetention: logs.RetentionDays.ONE_WEEK,
      removalPolicy: RemovalPolicy.DESTROY,
      logLevel: 'INFO',
    });

    fn.bindDirectory(pool);

    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          {
            Action: [
              'cognito-idp:AdminCreateUser',
              'cognito-idp:AdminGetUser',
              'cognito-idp:AdminSetUserPassword',
              'cognito-idp:AdminUpdateUserAttributes',
              'cognito-idp:AdminDeleteUserAttributes',
              'cognito-idp:AdminUserGlobalSignOut',
              'cognito-idp:AdminDeleteUser',
            ],
            Effect: 'Allow',
            Resource: { 'Fn::GetAtt': [stack.getLogicalId(pool.node.defaultChild as never), 'Arn'] },
          },
        ]),
      },
    });
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: { Variables: Match.objectLike({ USER_POOL_ID: { Ref: Match.anyValue() } }) },
    });
  });
});

describe('Deploy config: sign-in and SMS', () => {
  const withRegion = (changes: (region: any) => void) => {
    const bad = structuredClone(config) as any;
    changes(bad.regions[0]);
    return () => parseDeployConfig(bad, 'test.json');
  };

  it('names each sign-in or SMS setting that Cognito or SNS would refuse', () => {
    expect(
      withRegion((one) => {
        one.signIn.emailFrom = 'not an address';
        one.signIn.passkeyRelyingPartyId = 'https://romact.example';
        one.sms.senderId = '12345';
        one.sms.monthlySpendLimitUsd = 0;
        one.sms.originationNumber = '0888123456';
      }),
    ).toThrow(
      /regions\.0\.signIn\.emailFrom.*regions\.0\.signIn\.passkeyRelyingPartyId.*regions\.0\.sms\.monthlySpendLimitUsd.*regions\.0\.sms\.senderId.*regions\.0\.sms\.originationNumber/,
    );
  });

  it('requires the sign-in sender and the SMS spend limit of every region', () => {
    expect(
      withRegion((one) => {
        delete one.signIn;
        delete one.sms.monthlySpendLimitUsd;
      }),
    ).toThrow(/regions\.0\.signIn: .*regions\.0\.sms\.monthlySpendLimitUsd/);
  });

  it('sets the attributes SNS documents, from the config', () => {
    expect(smsAttributes({ monthlySpendLimitUsd: 250, senderId: 'ROMACT' })).toEqual({
      MonthlySpendLimit: '250',
      DefaultSenderID: 'ROMACT',
      DefaultSMSType: 'Transactional',
    });
  });
});
