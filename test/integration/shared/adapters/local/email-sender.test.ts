import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  assertSmtpUrl,
  describeSmtpUrl,
  EmailNotifier,
  EmailSettingsError,
} from '#shared/adapters/local/email-sender.ts';
import { OutboxNotifier } from '#shared/adapters/local/outbox-notifier.ts';
import type { OutboundMessage } from '#shared/domain/ports.ts';
import { startSmtpServer, type TestSmtpServer } from '../../../support/smtp.ts';

/** Real email locally: the outbox keeps everything, and the email channel also goes out through SMTP. */

const FROM = 'ROMACT Plovdiv <romact@plovdiv.example>';
let smtp: TestSmtpServer;
let dir: string;
let logs: string[];
const open: EmailNotifier[] = [];

function message(overrides: Partial<OutboundMessage> = {}): OutboundMessage {
  return {
    messageId: 'msg-0123456789abcdef01234567',
    channel: 'email',
    recipient: { role: 'cag', address: 'mila@example.org', locale: 'bg', userId: 'usr-1' },
    municipalityId: 'bg-stolipinovo',
    country: 'BG',
    cycleIds: ['cyc-1'],
    notificationIds: ['ntf-1'],
    kinds: ['assigned'],
    subject: 'ROMACT · Пловдив – Столипиново',
    text: 'Нова задача: „Запишете консултацията с общността“, срок 18 февр. 2027 г.\n  https://romact.example/tasks/x',
    createdAt: '2027-01-04T09:00:00.000Z',
    ...overrides,
  };
}

function emailer(options: { outbox?: OutboxNotifier; url?: string; retryDelaysMs?: number[] } = {}) {
  const outbox = options.outbox ?? new OutboxNotifier({ dir });
  const email = new EmailNotifier(outbox, {
    url: options.url ?? smtp.url,
    from: FROM,
    log: (line) => logs.push(line),
    retryDelaysMs: options.retryDelaysMs ?? [50, 50, 50],
  });
  open.push(email);
  return { outbox, email };
}

const settle = (email: EmailNotifier) =>
  expect
    .poll(
      async () => {
        await email.flush();
        return email.pendingRetries();
      },
      { timeout: 5_000 },
    )
    .toBe(0);

beforeEach(async () => {
  smtp = await startSmtpServer();
  dir = mkdtempSync(join(tmpdir(), 'romact-email-'));
  logs = [];
});
afterEach(async () => {
  for (const email of open.splice(0)) await email.close();
  await smtp.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('EmailNotifier: the outbox, and SMTP for the email channel', () => {
  it('sends an email-channel message through the SMTP server, authenticated, in the person’s language, and keeps it in the outbox', async () => {
    const { outbox, email } = emailer();
    await email.deliver(message());
    await email.flush();

    expect(outbox.list().map((one) => one.messageId)).toEqual(['msg-0123456789abcdef01234567']);
    expect(smtp.received).toHaveLength(1);
    const [{ to, user, mail }] = smtp.received as [(typeof smtp.received)[number]];
    expect(to).toEqual(['mila@example.org']);
    expect(user).toBe('romact');
    expect(mail.from?.value).toEqual([{ name: 'ROMACT Plovdiv', address: 'romact@plovdiv.example' }]);
    expect(mail.subject).toBe('ROMACT · Пловдив – Столипиново');
    expect(mail.text?.trim()).toBe(message().text);
    expect(mail.messageId).toBe('<msg-0123456789abcdef01234567@plovdiv.example>');
    expect(mail.headers.get('content-language')).toBe('bg');
    expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
  });

  it('leaves SMS to the outbox (an SMS gateway listens on the webhook)', async () => {
    const { outbox, email } = emailer();
    await email.deliver(
      message({ channel: 'sms', recipient: { address: '+359888000111', locale: 'bg' }, subject: undefined }),
    );
    await email.deliver(message({ messageId: 'msg-email', text: 'An email' }));
    await email.flush();
    expect(outbox.list().map((one) => one.channel)).toEqual(['sms', 'email']);
    expect(smtp.received.map((received) => received.to)).toEqual([['mila@example.org']]);
  });

  it('sends a message id once, and after a restart does not send again what the outbox already held', async () => {
    const first = emailer();
    await first.email.deliver(message());
    await first.email.deliver(message());
    await first.email.flush();
    expect(smtp.received).toHaveLength(1);

    // The next start reads the same outbox: a delivery repeated after a crash is not emailed twice.
    const restarted = emailer({ outbox: new OutboxNotifier({ dir }) });
    await restarted.email.deliver(message());
    await restarted.email.deliver(message({ messageId: 'msg-new' }));
    await restarted.email.flush();
    expect(smtp.received.map((received) => received.mail.messageId)).toEqual([
      '<msg-0123456789abcdef01234567@plovdiv.example>',
      '<msg-new@plovdiv.example>',
    ]);
  });

  it('returns from deliver before the SMTP server has answered (a sign-in is as fast for a known address)', async () => {
    const { outbox, email } = emailer();
    const release = smtp.hold();
    await email.deliver(message());
    expect(outbox.list()).toHaveLength(1);
    expect(smtp.received).toHaveLength(0);
    release();
    await email.flush();
    expect(smtp.received).toHaveLength(1);
  });

  it('retries a transient refusal (451) until the server takes the message, logging no address', async () => {
    const { email } = emailer();
    smtp.refuseWith(451);
    await email.deliver(message());
    await expect.poll(() => logs.some((line) => line.includes('SMTP 451')), { timeout: 5_000 }).toBe(true);
    smtp.refuseWith(undefined);
    await settle(email);
    expect(smtp.received).toHaveLength(1);
    expect(logs.at(-1)).toMatch(/^email msg-0123456789abcdef01234567 sent at attempt [2-4]$/);
    expect(logs.join('\n')).not.toContain('@example.org');
  });

  it('gives up at once on a permanent refusal (550): logged without the address, kept in the outbox', async () => {
    const { outbox, email } = emailer();
    smtp.refuseWith(550);
    await email.deliver(message());
    await settle(email);
    expect(smtp.received).toHaveLength(0);
    expect(logs).toEqual([
      'email msg-0123456789abcdef01234567 not sent (SMTP 550, refused for good); it stays in the outbox',
    ]);
    expect(outbox.list()).toHaveLength(1);
  });

  it('keeps trying while the SMTP server is unreachable, then gives up after the last retry', async () => {
    const unreachable = await startSmtpServer();
    await unreachable.close();
    const { email } = emailer({ url: unreachable.url, retryDelaysMs: [20, 20] });
    await email.deliver(message());
    await settle(email);
    expect(logs.filter((line) => line.includes('retrying'))).toHaveLength(2);
    expect(logs.at(-1)).toMatch(
      /^email msg-0123456789abcdef01234567 not sent \(\w+\); it stays in the outbox$/,
    );
  });

  it('drops a waiting retry to an erased address, and the outbox forgets the address', async () => {
    const { outbox, email } = emailer({ retryDelaysMs: [60_000] });
    smtp.refuseWith(451);
    await email.deliver(message());
    await expect.poll(() => email.pendingRetries(), { timeout: 5_000 }).toBe(1);
    await email.forget(['MILA@example.org']);
    expect(email.pendingRetries()).toBe(0);
    expect(outbox.list()[0]?.recipient.address).toBe('[erased]');
  });

  it('accepts only smtp:// and smtps:// URLs, and shows one without its credentials', () => {
    expect(() => assertSmtpUrl('https://mail.example.org')).toThrow(EmailSettingsError);
    expect(() => assertSmtpUrl('not a url')).toThrow(EmailSettingsError);
    expect(() => assertSmtpUrl('smtps://user:pass@mail.example.org:465')).not.toThrow();
    expect(describeSmtpUrl('smtps://user:pass@mail.example.org:465')).toBe('smtps://mail.example.org:465');
  });
});
