import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import {
  MessageRejected,
  SESv2Client,
  SendEmailCommand,
  SendingPausedException,
  TooManyRequestsException,
} from '@aws-sdk/client-sesv2';
import {
  InvalidParameterException,
  OptedOutException,
  PublishCommand,
  SNSClient,
  ThrottledException,
} from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type AwsNotifierOptions,
  SnsEventBridgeNotifier,
} from '#shared/adapters/sns-eventbridge/sns-eventbridge-notifier.ts';
import { DeliveryRefusedError, type OutboundMessage } from '#shared/domain/ports.ts';

const sns = mockClient(SNSClient);
const ses = mockClient(SESv2Client);
const events = mockClient(EventBridgeClient);
const PHONE = '+359888000111';
const EMAIL = 'member@example.bg';
const message = (overrides: Partial<OutboundMessage> = {}): OutboundMessage => ({
  messageId: 'msg-1',
  channel: 'sms',
  recipient: { role: 'cag', address: PHONE, locale: 'bg' },
  municipalityId: 'bg-1',
  country: 'BG',
  cycleIds: ['cyc-1'],
  notificationIds: ['n-1'],
  kinds: ['reminder'],
  text: 'ROMACT: Напомняне',
  createdAt: '2027-01-01T00:00:00.000Z',
  ...overrides,
});
const email = (overrides: Partial<OutboundMessage> = {}) =>
  message({
    messageId: 'msg-2',
    channel: 'email',
    recipient: { role: 'municipality', address: EMAIL, locale: 'hu' },
    subject: 'ROMACT – Pécs: emlékeztető',
    text: 'Emlékeztető: a feladat határideje közeleg.',
    ...overrides,
  });
const notifierWith = (options: Partial<AwsNotifierOptions> = {}) =>
  new SnsEventBridgeNotifier(
    { sns: new SNSClient({}), ses: new SESv2Client({}), events: new EventBridgeClient({}) },
    { eventBusName: 'bus', emailFrom: '"ROMACT" <romact@example.org>', ...options },
  );
const metadata = { $metadata: {} };

/** What a failed delivery threw. */
async function failureOf(sending: Promise<void>): Promise<Error> {
  try {
    await sending;
  } catch (error) {
    return error as Error;
  }
  throw new Error('the delivery did not fail');
}

describe('SnsEventBridgeNotifier (mocked clients)', () => {
  afterEach(() => {
    sns.reset();
    ses.reset();
    events.reset();
  });

  it('texts the person’s phone number directly (no topic), transactional, from the configured sender id and origination number', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'x' });
    const notifier = notifierWith({ sms: { senderId: 'ROMACT', originationNumber: '+35924000000' } });

    await notifier.deliver(message());

    const input = sns.commandCalls(PublishCommand)[0]?.args[0].input;
    expect(input).toEqual({
      PhoneNumber: PHONE,
      Message: 'ROMACT: Напомняне',
      MessageAttributes: {
        'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'ROMACT' },
        'AWS.MM.SMS.OriginationNumber': { DataType: 'String', StringValue: '+35924000000' },
        'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
      },
    });
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(0);
  });

  it('leaves the SMS sender to the account defaults when the config names none', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'x' });

    await notifierWith({ sms: {} }).deliver(message());

    const attributes = sns.commandCalls(PublishCommand)[0]?.args[0].input.MessageAttributes ?? {};
    expect(Object.keys(attributes)).toEqual(['AWS.SNS.SMS.SMSType']);
  });

  it('emails the person through SES from the configured sender, plain text in their language, tagged with the delivery id', async () => {
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });

    await notifierWith().deliver(email());

    expect(sns.commandCalls(PublishCommand)).toHaveLength(0);
    const input = ses.commandCalls(SendEmailCommand)[0]?.args[0].input;
    expect(input).toMatchObject({
      FromEmailAddress: '"ROMACT" <romact@example.org>',
      Destination: { ToAddresses: [EMAIL] },
      Content: {
        Simple: {
          Subject: { Data: 'ROMACT – Pécs: emlékeztető', Charset: 'UTF-8' },
          Body: { Text: { Data: 'Emlékeztető: a feladat határideje közeleg.', Charset: 'UTF-8' } },
          Headers: expect.arrayContaining([{ Name: 'Content-Language', Value: 'hu' }]),
        },
      },
      EmailTags: [{ Name: 'delivery', Value: 'msg-2' }],
    });
    expect(input?.Content?.Simple?.Body?.Html).toBeUndefined();
  });

  it('sends a message id once per container (a retried invocation does not text or email twice)', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'x' });
    ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
    const notifier = notifierWith();

    await notifier.deliver(message());
    await notifier.deliver(message());
    await notifier.deliver(email());
    await notifier.deliver(email());

    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
    expect(ses.commandCalls(SendEmailCommand)).toHaveLength(1);
  });

  it.each([
    ['an opted-out number', () => new OptedOutException({ message: `${PHONE} opted out`, ...metadata })],
    ['an invalid number', () => new InvalidParameterException({ message: `Invalid ${PHONE}`, ...metadata })],
  ])('refuses an SMS for good on %s, naming the code and not the number', async (_case, error) => {
    sns.on(PublishCommand).rejects(error());

    const failure = await failureOf(notifierWith().deliver(message()));

    expect(failure).toBeInstanceOf(DeliveryRefusedError);
    expect(failure.message).not.toContain(PHONE);
  });

  it('refuses an email for good when SES rejects it, naming the code and not the address', async () => {
    ses
      .on(SendEmailCommand)
      .rejects(new MessageRejected({ message: `Address ${EMAIL} rejected`, ...metadata }));

    const failure = await failureOf(notifierWith().deliver(email()));

    expect(failure).toBeInstanceOf(DeliveryRefusedError);
    expect((failure as DeliveryRefusedError).reason).toBe('MessageRejected');
    expect(failure.message).not.toContain(EMAIL);
  });

  it.each([
    [
      'SNS throttling',
      'sms',
      () => sns.on(PublishCommand).rejects(new ThrottledException({ message: PHONE, ...metadata })),
    ],
    [
      'SES throttling',
      'email',
      () => ses.on(SendEmailCommand).rejects(new TooManyRequestsException({ message: EMAIL, ...metadata })),
    ],
    [
      'a paused SES account',
      'email',
      () => ses.on(SendEmailCommand).rejects(new SendingPausedException({ message: EMAIL, ...metadata })),
    ],
  ] as const)(
    'treats %s as transient (sent again later), without the address',
    async (_case, channel, fail) => {
      fail();
      const notifier = notifierWith();
      const outbound = channel === 'sms' ? message() : email();

      const failure = await failureOf(notifier.deliver(outbound));

      expect(failure).not.toBeInstanceOf(DeliveryRefusedError);
      expect(failure.message).not.toContain(PHONE);
      expect(failure.message).not.toContain(EMAIL);
      // Not remembered as sent: the next attempt goes out.
      sns.on(PublishCommand).resolves({ MessageId: 'x' });
      ses.on(SendEmailCommand).resolves({ MessageId: 'ses-1' });
      await notifier.deliver(outbound);
      const calls = channel === 'sms' ? sns.commandCalls(PublishCommand) : ses.commandCalls(SendEmailCommand);
      expect(calls).toHaveLength(2);
    },
  );

  it('sends events to the bus with ids only', async () => {
    events.on(PutEventsCommand).resolves({ FailedEntryCount: 0, Entries: [] });

    await notifierWith().publish({
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
