import { beforeEach, describe, expect, it } from 'vitest';
import type { Message } from '#shared/domain/model/message.ts';
import type { User } from '#shared/domain/model/user.ts';
import { dispatchMessages } from '#shared/domain/ops/dispatch-messages.ts';
import { DeliveryRefusedError, type Notifier } from '#shared/domain/ports.ts';
import { givenMunicipality, type UnitEnv, unitPorts } from '../../../../support/unit-ports.ts';

let env: UnitEnv;
let person: User;

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  person = (await env.ports.users.findByAddress('email', 'cag@example.org')) as User;
  // The same person also has a phone.
  await env.ports.users.claimAddress('sms', '+359888999000', person.userId);
  person = await env.ports.users.update(person, {
    channels: [...person.channels, { type: 'sms', address: '+359888999000' }],
  });
});

let sequence = 0;
const put = async (fields: Partial<Message> = {}) => {
  const message: Message = {
    messageId: `msg-${++sequence}`,
    userId: person.userId,
    channel: 'email',
    role: 'cag',
    locale: 'en',
    municipalityId: 'bg-stolipinovo',
    municipalityName: 'Plovdiv – Stolipinovo',
    country: 'BG',
    cycleIds: ['cyc-1'],
    taskIds: ['task-1'],
    notificationIds: [`n-${sequence}`],
    kinds: ['reminder'],
    text: `Sentence ${sequence}.`,
    createdAt: env.clock.now().toISOString(),
    sendAfter: env.clock.now().toISOString(),
    status: 'PENDING',
    ...fields,
  };
  await env.ports.messages.put(message);
  return message;
};
const status = async (messageId: string) =>
  (await env.ports.messages.listForUser(person.userId, { limit: 100 })).items.find(
    (one) => one.messageId === messageId,
  )?.status;

describe('dispatchMessages', () => {
  it('sends the messages due to a person on one channel as one digest, and marks them sent', async () => {
    const one = await put({ kinds: ['reminder'] });
    const two = await put({ kinds: ['overdue'], cycleIds: ['cyc-2'] });

    expect(await dispatchMessages(env.ports)).toEqual({
      deliveries: 1,
      messages: 2,
      refused: 0,
    });
    expect(env.notifier.messages).toHaveLength(1);
    const [delivery] = env.notifier.messages;
    expect(delivery).toMatchObject({
      channel: 'email',
      recipient: { address: 'cag@example.org', userId: person.userId, role: 'cag' },
      notificationIds: [one.notificationIds[0], two.notificationIds[0]].sort(),
      kinds: ['reminder', 'overdue'],
      cycleIds: ['cyc-1', 'cyc-2'],
    });
    expect(delivery?.subject).toContain('Plovdiv – Stolipinovo');
    expect(delivery?.text).toContain('Sentence');
    expect(await status(one.messageId)).toBe('SENT');
    expect(await status(two.messageId)).toBe('SENT');
  });

  it('sends each channel its own delivery', async () => {
    await put({ channel: 'email' });
    await put({ channel: 'sms' });
    await dispatchMessages(env.ports);
    expect(env.notifier.messages.map((one) => [one.channel, one.recipient.address]).sort()).toEqual([
      ['email', 'cag@example.org'],
      ['sms', '+359888999000'],
    ]);
  });

  it('sends nothing twice: a second run finds nothing due', async () => {
    await put();
    await dispatchMessages(env.ports);
    expect(await dispatchMessages(env.ports)).toEqual({
      deliveries: 0,
      messages: 0,
      refused: 0,
    });
    expect(env.notifier.messages).toHaveLength(1);
  });

  it('holds a message until its time (the end of quiet hours), and does not add it to an earlier delivery', async () => {
    await put();
    const later = await put({ sendAfter: new Date(env.clock.now().getTime() + 8 * 3_600_000).toISOString() });
    await dispatchMessages(env.ports);
    expect(env.notifier.messages.map((one) => one.notificationIds)).toEqual([[`n-${sequence - 1}`]]);
    expect(await status(later.messageId)).toBe('PENDING');

    env.clock.advance(8 * 3_600_000);
    await dispatchMessages(env.ports);
    expect(env.notifier.messages.map((one) => one.notificationIds).at(-1)).toEqual(later.notificationIds);
  });

  it('sends a delivery whose sender crashed again, after its lease, under the same id (the transport drops the repeat)', async () => {
    const message = await put();
    // A sweep claimed it, then died before sending or recording.
    const leaseUntil = new Date(env.clock.now().getTime() + 10 * 60_000).toISOString();
    await env.ports.messages.claim(message, 'msg-delivery-1', leaseUntil, env.clock.now().toISOString());

    expect(await dispatchMessages(env.ports)).toEqual({
      deliveries: 0,
      messages: 0,
      refused: 0,
    });
    env.clock.advance(11 * 60_000);
    await dispatchMessages(env.ports);
    expect(env.notifier.messages.map((one) => one.messageId)).toEqual(['msg-delivery-1']);
    expect(await status(message.messageId)).toBe('SENT');
  });

  it('makes the same delivery id from the same messages (a retried send is a repeat)', async () => {
    const again = unitPorts();
    await givenMunicipality(again.ports);
    const first = await put();
    await dispatchMessages(env.ports);
    const twin = (await again.ports.users.findByAddress('email', 'cag@example.org')) as User;
    await again.ports.messages.put({ ...first, userId: twin.userId, status: 'PENDING' });
    await dispatchMessages(again.ports);
    expect(again.notifier.messages[0]?.messageId).toBe(env.notifier.messages[0]?.messageId);
  });

  it('settles without sending when the person was erased or dropped the channel meanwhile', async () => {
    const sms = await put({ channel: 'sms' });
    const email = await put({ channel: 'email' });
    await env.ports.users.update(person, {
      channels: person.channels.filter((one) => one.type === 'email'),
      status: 'ERASED',
    });

    expect(await dispatchMessages(env.ports)).toEqual({
      deliveries: 0,
      messages: 2,
      refused: 0,
    });
    expect(env.notifier.messages).toEqual([]);
    expect(await status(sms.messageId)).toBe('SENT');
    expect(await status(email.messageId)).toBe('SENT');
  });

  it('reaches past the first hundred due messages in one run', async () => {
    for (let index = 0; index < 130; index++) await put();
    expect(await dispatchMessages(env.ports)).toMatchObject({ messages: 130 });
  });

  it('marks a delivery the transport refuses for good UNDELIVERABLE, never sends it again, and goes on with the others', async () => {
    const sms = await put({ channel: 'sms' });
    const email = await put({ channel: 'email' });
    const refusingSms: Notifier = {
      deliver: async (message) => {
        if (message.channel === 'sms') throw new DeliveryRefusedError('OptedOutException');
        await env.notifier.deliver(message);
      },
      publish: (event) => env.notifier.publish(event),
    };
    const ports = { ...env.ports, notifier: refusingSms };

    expect(await dispatchMessages(ports)).toEqual({ deliveries: 1, messages: 2, refused: 1 });
    expect(await status(sms.messageId)).toBe('UNDELIVERABLE');
    expect(await status(email.messageId)).toBe('SENT');
    env.clock.advance(60 * 60_000);
    expect(await dispatchMessages(ports)).toMatchObject({ deliveries: 0, messages: 0 });
  });

  it('leaves a delivery that failed for a passing reason claimed, sends the others, fails the run, and sends it again after its lease', async () => {
    const message = await put({ channel: 'sms' });
    const other = await put({ channel: 'email' });
    let failing = true;
    const flaky: Notifier = {
      deliver: async (outbound) => {
        if (failing && outbound.channel === 'sms') throw new Error('sms msg-x not sent: ThrottledException');
        await env.notifier.deliver(outbound);
      },
      publish: (event) => env.notifier.publish(event),
    };
    const ports = { ...env.ports, notifier: flaky };

    await expect(dispatchMessages(ports)).rejects.toThrow('ThrottledException');
    expect(await status(message.messageId)).toBe('SENDING');
    expect(await status(other.messageId)).toBe('SENT');
    failing = false;
    expect(await dispatchMessages(ports)).toMatchObject({ deliveries: 0 });
    env.clock.advance(11 * 60_000);
    expect(await dispatchMessages(ports)).toMatchObject({ deliveries: 1, messages: 1 });
    expect(await status(message.messageId)).toBe('SENT');
  });
});
