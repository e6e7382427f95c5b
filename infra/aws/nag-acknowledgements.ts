import { type CfnElement, Validations } from 'aws-cdk-lib';
import * as cr from 'aws-cdk-lib/custom-resources';
import type { RomactStack } from './romact-stack.ts';

/**
 * Every cdk-nag finding this stack accepts, each with the reason it is right for this product. Anything not
 * listed here fails `cdk synth` and the CI test.
 */
export function acknowledgeFindings(stack: RomactStack): void {
  const tableId = stack.getLogicalId(stack.table.node.defaultChild as CfnElement);
  const everywhere = Validations.of(stack);
  everywhere.acknowledge(
    {
      id: 'Serverless::Serverless-LambdaLatestVersion',
      reason:
        'nodejs22.x is the LTS runtime the handlers are built and tested for; moving runtimes is a deliberate release',
    },
    {
      id: 'AwsSolutions::AwsSolutions-L1',
      reason:
        'nodejs22.x is the LTS runtime the handlers are built and tested for; moving runtimes is a deliberate release',
    },
    {
      id: 'Serverless::Serverless-LambdaDLQ',
      reason:
        'API handlers are invoked synchronously by API Gateway and step handlers by Step Functions (which retries and records failures); only the sweep is invoked asynchronously, and it has a DLQ',
    },
    {
      id: 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'Grants only CreateLogStream/PutLogEvents; each function writes to its own stack-managed log group with the configured retention',
    },
    {
      id: 'AwsSolutions::AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray PutTraceSegments/PutTelemetryRecords take no resource; SendTaskSuccess/SendTaskFailure are authorised by the task token itself, not by an ARN; Cognito’s SMS role and the functions that send notifications publish SMS to phone numbers, which have no ARN (limited to the stack’s region; publishing to any topic or endpoint is denied); SNS SetSMSAttributes is an account setting with no resource',
    },
    {
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::<${tableId}.Arn>/index/*]`,
      reason:
        'Table grants cover the table’s GSIs, which are the access patterns documented in docs/data-model.md',
    },
    {
      id: 'AwsSolutions::AwsSolutions-IAM5[Action::kms:ReEncrypt*]',
      reason: 'The table’s customer-managed key grant that DynamoDB needs for encrypted reads and writes',
    },
    {
      id: 'AwsSolutions::AwsSolutions-IAM5[Action::kms:GenerateDataKey*]',
      reason: 'The table’s customer-managed key grant that DynamoDB needs for encrypted reads and writes',
    },
    {
      id: 'AwsSolutions::AwsSolutions-SF1',
      reason:
        'Execution history carries personal data: the state machine logs ERROR events only, without execution data',
    },
    {
      id: 'Serverless::Serverless-SQSRedrivePolicy',
      reason: 'This queue is the dead-letter queue itself',
    },
    {
      id: 'AwsSolutions::AwsSolutions-SQS3',
      reason: 'This queue is the dead-letter queue itself',
    },
    {
      id: 'AwsSolutions::AwsSolutions-APIG4',
      reason:
        'Only GET /calendar/{token}.ics has no authorizer: calendar apps send no credentials, so the URL carries a secret, revocable token checked by the handler (the same as Google Calendar’s secret iCal addresses)',
    },
    {
      id: 'Serverless::Serverless-SNSRedrivePolicy',
      reason:
        'Email and SMS subscriptions are managed by operators per contact; SNS retries deliveries to them itself',
    },
  );
  Validations.of(stack.signIn.userPool).acknowledge(
    {
      id: 'AwsSolutions::AwsSolutions-COG2',
      reason:
        'Sign-in is passwordless: the one-time code sent to a verified email address or phone is the factor, and Cognito offers no passwordless sign-in to a user with MFA. Nobody knows a password (people are created with a random one), and account recovery is admin-only',
    },
    {
      id: 'AwsSolutions::AwsSolutions-COG8',
      reason:
        'The Essentials plan has choice-based passwordless sign-in and access-token customisation, which is what sign-in needs. Plus adds threat protection, which scores passwords and risky sign-ins at a price per active user; with no passwords and codes only to verified addresses, the programme does not buy it',
    },
  );
  // The provider function of AwsCustomResource (the SMS settings): one per stack, CDK-owned.
  const provider = stack.node.tryFindChild(
    `AWS${cr.AwsCustomResource.PROVIDER_FUNCTION_UUID.replace(/-/g, '')}`,
  );
  if (provider) {
    Validations.of(provider).acknowledge({
      id: 'Serverless::Serverless-LambdaTracing',
      reason:
        'CDK’s custom-resource provider runs once per deploy to set the SMS settings; it has no request path to trace and offers no tracing option',
    });
  }
  for (const machine of Object.values(stack.machineNames)) {
    everywhere.acknowledge({
      id: `AwsSolutions::AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:states:${stack.region}:<AWS::AccountId>:execution:${machine}:*]`,
      reason:
        'Executions are named per cycle at run time: cancelling stops one, starting and chaining describe one to read the version it runs',
    });
  }
}
