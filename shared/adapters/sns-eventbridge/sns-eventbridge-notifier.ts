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
    private readonly options: { topicArn: string; eventBusName: string },
  ) {}

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
