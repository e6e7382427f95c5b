import { type EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { DomainEvent, Notifier, OutboundMessage } from '#shared/domain/ports.ts';

/**
 * The notifier on AWS: messages go to the region's SNS topic with attributes (municipality, role, locale,
 * channel) that email and SMS subscriptions filter on, so addresses live in subscriptions, not in messages;
 * every notification and phase change also goes to the EventBridge bus for integrations.
 */
export class SnsEventBridgeNotifier implements Notifier {
  private readonly published = new Set<string>();

  constructor(
    private readonly sns: SNSClient,
    private readonly events: EventBridgeClient,
    private readonly options: {
      topicArn: string;
      eventBusName: string;
      /** Who SMS come from: a sender id, and an origination number where a country takes no sender id. */
      sms?: { senderId?: string; originationNumber?: string };
    },
  ) {}

  /**
   * SNS's per-message SMS settings, on SMS only: the sender id and the origination number the region's config
   * names (absent ones fall back to the account's defaults). Transactional, as the account default is set.
   */
  private smsAttributes(message: OutboundMessage) {
    const sms = this.options.sms;
    if (message.channel !== 'sms') return {};
    return {
      'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
      ...(sms?.senderId ? { 'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: sms.senderId } } : {}),
      ...(sms?.originationNumber
        ? { 'AWS.MM.SMS.OriginationNumber': { DataType: 'String', StringValue: sms.originationNumber } }
        : {}),
    };
  }

  async deliver(message: OutboundMessage): Promise<void> {
    // Subscribers of one (municipality, role, locale, channel) all receive one publish: contacts sharing those
    // attributes get the same text, so publish it once.
    const group = `${message.municipalityId}|${message.recipient.role}|${message.recipient.locale}|${message.channel}|${message.notificationIds.join(',')}`;
    if (this.published.has(group)) return;
    this.published.add(group);
    await this.sns.send(
      new PublishCommand({
        TopicArn: this.options.topicArn,
        Message: message.text,
        ...(message.subject ? { Subject: message.subject.slice(0, 100) } : {}),
        MessageAttributes: {
          municipality: { DataType: 'String', StringValue: message.municipalityId },
          role: { DataType: 'String', StringValue: message.recipient.role },
          locale: { DataType: 'String', StringValue: message.recipient.locale },
          channel: { DataType: 'String', StringValue: message.channel },
          ...this.smsAttributes(message),
        },
      }),
    );
  }

  async publish(event: DomainEvent): Promise<void> {
    await this.events.send(
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
