import { type RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as cr from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { RegionConfig } from '../config.ts';

/** Properties of a region's SMS settings. */
export interface SmsSettingsProps {
  sms: RegionConfig['sms'];
  logRetention: logs.RetentionDays;
  removalPolicy: RemovalPolicy;
}

/** The SNS SMS attributes a region's config sets (SNS.setSMSAttributes). */
export function smsAttributes(sms: RegionConfig['sms']): Record<string, string> {
  return {
    MonthlySpendLimit: String(sms.monthlySpendLimitUsd),
    DefaultSenderID: sms.senderId,
    // Sign-in codes and deadlines are transactional: SNS routes them for reliability, not price.
    DefaultSMSType: 'Transactional',
  };
}

/**
 * The account's SMS settings in this region, which Cognito's sign-in codes and the notifications both use: the
 * monthly spend limit, the sender id and the message type. CloudFormation has no resource for them, so a custom
 * resource calls SNS.setSMSAttributes on every deploy that changes them. Delivery-status logging stays off: its
 * logs carry phone numbers.
 *
 * The spend limit cannot exceed the account's SMS quota (1 USD until AWS Support raises it), and these are
 * account-wide settings of the region: one stack per account and region should set them.
 */
export class SmsSettings extends Construct {
  readonly attributes: Record<string, string>;

  constructor(scope: Construct, id: string, props: SmsSettingsProps) {
    super(scope, id);
    this.attributes = smsAttributes(props.sms);
    const call: cr.AwsSdkCall = {
      service: 'SNS',
      action: 'setSMSAttributes',
      parameters: { attributes: this.attributes },
      region: Stack.of(this).region,
      // One physical resource per stack: a change of values is an update of the same settings.
      physicalResourceId: cr.PhysicalResourceId.of('sms-attributes'),
    };
    new cr.AwsCustomResource(this, 'Apply', {
      resourceType: 'Custom::SmsSettings',
      onCreate: call,
      onUpdate: call,
      // SetSMSAttributes is an account setting and takes no resource ARN.
      policy: cr.AwsCustomResourcePolicy.fromStatements([
        new iam.PolicyStatement({ actions: ['sns:SetSMSAttributes'], resources: ['*'] }),
      ]),
      installLatestAwsSdk: false,
      memorySize: 256,
      logGroup: new logs.LogGroup(this, 'Logs', {
        retention: props.logRetention,
        removalPolicy: props.removalPolicy,
      }),
    });
  }
}
