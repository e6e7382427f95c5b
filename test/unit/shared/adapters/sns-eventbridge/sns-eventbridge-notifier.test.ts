import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { SnsEventBridgeNotifier } from '#shared/adapters/sns-eventbridge/sns-eventbridge-notifier.ts';
import type { OutboundMessage } from '#shared/domain/ports.ts';

const sns = mockClient(SNSClient);
const events = mockClient(EventBridgeClient);
const message = (overrides: Partial<OutboundMessage> = {}): OutboundMessage => ({
  messageId: 'msg-1',
  channel: 'sms',
  recipient: { role: 'cag', address: '+359888000111', locale: 'bg' },
  municipalityId: 'bg-1',
  country: 'BG',
  cycleIds: ['cyc-1'],
  notificationIds: ['n-1'],
  kinds: ['reminder'],
  text: 'ROMACT: Напомняне',
  createdAt: '2027-01-01T00:00:00.000Z',
  ...overrides,
});

describe('SnsEventBridgeNotifier (mocked clients)', () => {
  afterEach(() => {
    sns.reset();
    events.reset();
  });

  it('publishes with the attributes subscriptions filter on, and no address in the message', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'x' });
    const notifier = new SnsEventBridgeNotifier(new SNSClient({}), new EventBridgeClient({}), {
      topicArn: 'arn:topic',
      eventBusName: 'bus',
    });

    await notifier.deliver(message());

    const input = sns.commandCalls(PublishCommand)[0]?.args[0].input;
    expect(input?.MessageAttributes).toEqual({
      municipality: { DataType: 'String', StringValue: 'bg-1' },
      role: { DataType: 'String', StringValue: 'cag' },
      locale: { DataType: 'String', StringValue: 'bg' },
      channel: { DataType: 'String', StringValue: 'sms' },
      'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
    });
    expect(JSON.stringify(input)).not.toContain('+359888000111');
  });

  it('publishes once for contacts who share municipality, role, locale and channel (subscribers all receive it)', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'x' });
    const notifier = new SnsEventBridgeNotifier(new SNSClient({}), new EventBridgeClient({}), {
      topicArn: 'arn:topic',
      eventBusName: 'bus',
    });

    await notifier.deliver(message());
    await notifier.deliver(
      message({ messageId: 'msg-2', recipient: { role: 'cag', address: '+359888000222', locale: 'bg' } }),
    );
    await notifier.deliver(
      message({
        messageId: 'msg-3',
        recipient: { role: 'cag', address: 'a@b.bg', locale: 'bg' },
        channel: 'email',
      }),
    );

    expect(sns.commandCalls(PublishCommand)).toHaveLength(2);
  });

  it('sends SMS from the configured sender id and origination number (per-message SMS attributes), email without them', async () => {
    // Prepare
    sns.on(PublishCommand).resolves({ MessageId: 'x' });
    const notifier = new SnsEventBridgeNotifier(new SNSClient({}), new EventBridgeClient({}), {
      topicArn: 'arn:topic',
      eventBusName: 'bus',
      sms: { senderId: 'ROMACT', originationNumber: '+35924000000' },
    });

    // Act
    await notifier.deliver(message());
    await notifier.deliver(
      message({
        messageId: 'msg-2',
        channel: 'email',
        recipient: { role: 'cag', address: 'a@b.bg', locale: 'bg' },
      }),
    );

    // Assess
    const [sms, email] = sns.commandCalls(PublishCommand).map((call) => call.args[0].input.MessageAttributes);
    expect(sms).toMatchObject({
      'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'ROMACT' },
      'AWS.MM.SMS.OriginationNumber': { DataType: 'String', StringValue: '+35924000000' },
      'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
    });
    expect(Object.keys(email ?? {}).filter((name) => name.startsWith('AWS.'))).toEqual([]);
  });

  it('leaves the SMS sender to the account defaults when the config names none', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'x' });
    const notifier = new SnsEventBridgeNotifier(new SNSClient({}), new EventBridgeClient({}), {
      topicArn: 'arn:topic',
      eventBusName: 'bus',
      sms: {},
    });

    await notifier.deliver(message());

    const attributes = sns.commandCalls(PublishCommand)[0]?.args[0].input.MessageAttributes ?? {};
    expect(attributes['AWS.SNS.SMS.SenderID']).toBeUndefined();
    expect(attributes['AWS.MM.SMS.OriginationNumber']).toBeUndefined();
  });

  it('sends events to the bus with ids only', async () => {
    events.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });
    const notifier = new SnsEventBridgeNotifier(new SNSClient({}), new EventBridgeClient({}), {
      topicArn: 'arn:topic',
      eventBusName: 'bus',
    });

    await notifier.publish({
      type: 'task.escalated',
      at: '2027-01-01T00:00:00.000Z',
      detail: { taskId: 't', cycleId: 'c' },
    });

    expect(events.commandCalls(PutEventsCommand)[0]?.args[0].input.Entries).toEqual([
      expect.objectContaining({
        EventBusName: 'bus',
        Source: 'romact.engine',
        DetailType: 'task.escalated',
        Detail: '{"taskId":"t","cycleId":"c"}',
      }),
    ]);
  });
});
