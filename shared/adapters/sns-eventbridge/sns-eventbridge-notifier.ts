import { type EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { type SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import {
  DeliveryRefusedError,
  type DomainEvent,
  type Notifier,
  type OutboundMessage,
} from '#shared/domain/ports.ts';

/**
 * SNS and SES errors that say this message can never be sent as it is: the number is invalid or opted out, SES
 * rejected the email or its address. Everything else (throttling, a paused or unverified account, a network
 * failure) is worth sending again once the lease runs out: the operator fixes the account, the message waits.
 */
const REFUSED_FOR_GOOD = new Set([
  // SNS Publish to a phone number.
  'OptedOutException',
  'InvalidParameterException',
  'InvalidParameterValueException',
  // SES v2 SendEmail.
  'MessageRejected',
  'BadRequestException',
]);

/** How the notifier on AWS sends. */
export interface AwsNotifierOptions {
  eventBusName: string;
  /** Who SMS come from: a sender id, and an origination number where a country takes no sender id. */
  sms?: { senderId?: string; originationNumber?: string };
  /** The SES sender, e.g. `"ROMACT" <romact@example.org>` (its identity is verified in SES). */
  emailFrom?: string;
}

/**
 * The notifier on AWS: each message goes to its person, SMS by SNS `Publish` to the phone number, email by SES v2
 * `SendEmail` to the address; every notification and phase change also goes to the EventBridge bus for
 * integrations (ids only). A permanent refusal throws DeliveryRefusedError (the dispatch marks the message
 * UNDELIVERABLE); other errors propagate (it is sent again later). Neither SNS SMS nor SES takes an idempotency
 * key: the dispatch's conditional claim makes one container send a message once, and a message id sent by this
 * container is not sent again (a retried invocation reusing the container). Errors carry codes, never addresses.
 */
export class SnsEventBridgeNotifier implements Notifier {
  private readonly sent = new Set<string>();

  constructor(
    private readonly clients: { sns: SNSClient; ses?: SESv2Client; events: EventBridgeClient },
    private readonly options: AwsNotifierOptions,
  ) {}

  async deliver(message: OutboundMessage): Promise<void> {
    if (this.sent.has(message.messageId)) return;
    try {
      if (message.channel === 'sms') await this.sendSms(message);
      else await this.sendEmail(message);
    } catch (error) {
      const name = (error as { name?: string }).name ?? 'Error';
      if (REFUSED_FOR_GOOD.has(name)) throw new DeliveryRefusedError(name);
      // The SDK's message may quote the address (SES names a rejected recipient): rethrow with the code only.
      throw new Error(`${message.channel} ${message.messageId} not sent: ${name}`);
    }
    this.sent.add(message.messageId);
  }

  /**
   * SNS's per-message SMS settings: the sender id and the origination number the region's config names (absent
   * ones fall back to the account's defaults). Transactional: a deadline notice, not marketing.
   */
  private smsAttributes() {
    const sms = this.options.sms;
    return {
      'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
      ...(sms?.senderId ? { 'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: sms.senderId } } : {}),
      ...(sms?.originationNumber
        ? { 'AWS.MM.SMS.OriginationNumber': { DataType: 'String', StringValue: sms.originationNumber } }
        : {}),
    };
  }

  private async sendSms(message: OutboundMessage) {
    await this.clients.sns.send(
      new PublishCommand({
        PhoneNumber: message.recipient.address,
        Message: message.text,
        MessageAttributes: this.smsAttributes(),
      }),
    );
  }

  private async sendEmail(message: OutboundMessage) {
    const { ses } = this.clients;
    const from = this.options.emailFrom;
    // A wiring bug, not the message's fault: transient, so the message waits until email is configured.
    if (!ses || !from) throw new Error('email is not configured for this function');
    await ses.send(
      new SendEmailCommand({
        FromEmailAddress: from,
        Destination: { ToAddresses: [message.recipient.address] },
        Content: {
          Simple: {
            Subject: { Data: message.subject ?? 'ROMACT', Charset: 'UTF-8' },
            Body: { Text: { Data: message.text, Charset: 'UTF-8' } },
            Headers: [
              { Name: 'Content-Language', Value: message.recipient.locale },
              // Sent by a machine: no out-of-office replies (RFC 3834).
              { Name: 'Auto-Submitted', Value: 'auto-generated' },
            ],
          },
        },
        // The delivery id travels with SES's own events (bounces, complaints), so they can be matched back.
        EmailTags: [{ Name: 'delivery', Value: message.messageId }],
      }),
    );
  }

  async publish(event: DomainEvent): Promise<void> {
    await this.clients.events.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: this.options.eventBusName,
            Source: 'romact.engine',
            DetailType: event.type,
            Time: new Date(event.at),
            Detail: JSON.stringify(event.detail),
          },
        ],
      }),
    );
  }
}
