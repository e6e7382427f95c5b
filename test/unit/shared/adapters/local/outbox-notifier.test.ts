import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ERASED, OutboxNotifier } from '#shared/adapters/local/outbox-notifier.ts';
import type { OutboundMessage } from '#shared/domain/ports.ts';

let dir: string;
let outboxes: OutboxNotifier[];
beforeEach(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'romact-outbox-')), 'outbox');
  outboxes = [];
});
afterEach(async () => {
  for (const outbox of outboxes) await outbox.close();
  rmSync(join(dir, '..'), { recursive: true, force: true });
});

function open(warnings: string[] = [], webhookUrl?: string) {
  const outbox = new OutboxNotifier({
    dir,
    warn: (line) => warnings.push(line),
    ...(webhookUrl
      ? { webhook: { url: webhookUrl, secret: 'secret-0123456789abcdef', baseDelayMs: 60_000 } }
      : {}),
  });
  outboxes.push(outbox);
  return outbox;
}

function message(
  messageId: string,
  address: string,
  overrides: Partial<OutboundMessage> = {},
): OutboundMessage {
  return {
    messageId,
    channel: address.startsWith('+') ? 'sms' : 'email',
    recipient: { role: 'cag', address, locale: 'bg' },
    municipalityId: 'bg-stolipinovo',
    country: 'BG',
    cycleIds: ['cyc-1'],
    notificationIds: [`n-${messageId}`],
    kinds: ['assigned'],
    subject: 'Нова задача',
    text: 'Нова задача: Submit the needs assessment',
    createdAt: '2027-01-04T09:00:00.000Z',
    ...overrides,
  };
}

const files = () => readdirSync(dir).filter((name) => name.endsWith('.txt'));
const everything = () =>
  [...readdirSync(dir)].map((name) => readFileSync(join(dir, name), 'utf8')).join('\n');

describe('OutboxNotifier: files', () => {
  it('creates its directory 0700 and every file 0600', async () => {
    const outbox = open();
    await outbox.deliver(message('m-1', 'cag@example.org'));
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    for (const name of readdirSync(dir))
      expect([name, statSync(join(dir, name)).mode & 0o777]).toEqual([name, 0o600]);
  });

  it('skips a torn last line with one warning and appends the next message on a clean line', async () => {
    // Prepare: a process killed in the middle of appending.
    await open().deliver(message('m-1', 'cag@example.org'));
    appendFileSync(join(dir, 'outbox.jsonl'), '{"messageId":"m-2","channel":"em');
    const warnings: string[] = [];

    // Act
    const reopened = open(warnings);
    await reopened.deliver(message('m-3', 'cag@example.org'));

    // Assess
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('outbox.jsonl');
    expect(reopened.list().map((one) => one.messageId)).toEqual(['m-1', 'm-3']);
    expect(
      open()
        .list()
        .map((one) => one.messageId),
    ).toEqual(['m-1', 'm-3']);
  });

  it('does not deliver a message id again after a restart', async () => {
    await open().deliver(message('m-1', 'cag@example.org'));
    const reopened = open();
    await reopened.deliver(message('m-1', 'cag@example.org'));
    expect(reopened.list()).toHaveLength(1);
    expect(files()).toHaveLength(1);
  });
});

describe('OutboxNotifier: erase', () => {
  it('removes the addresses from the index, the readable files and list(), and leaves other addresses alone', async () => {
    // Prepare
    const outbox = open();
    await outbox.deliver(message('m-1', 'Gone@Example.org'));
    await outbox.deliver(message('m-2', '+359888000111', { createdAt: '2027-01-05T09:00:00.000Z' }));
    await outbox.deliver(
      message('m-3', 'stays@example.org', { text: 'Copy: gone@example.org asked for leave' }),
    );
    await outbox.deliver(message('m-4', 'xgone@example.org'));

    // Act
    const erasure = await outbox.erase(['gone@example.org', '+359888000111']);

    // Assess
    expect(erasure).toMatchObject({ messages: 3, files: 3 });
    const listed = JSON.stringify(outbox.list());
    expect(listed).not.toMatch(/(?<!x)gone@example\.org/i);
    expect(listed).not.toContain('+359888000111');
    expect(outbox.list().map((one) => one.recipient.address)).toEqual([
      ERASED,
      ERASED,
      'stays@example.org',
      'xgone@example.org',
    ]);
    expect(outbox.list()[2]?.text).toBe(`Copy: ${ERASED} asked for leave`);
    expect(outbox.list({ recipient: 'Gone@Example.org' })).toEqual([]);
    const onDisk = everything();
    expect(onDisk).not.toMatch(/(?<!x)gone@example\.org/i);
    expect(onDisk).not.toContain('+359888000111');
    expect(onDisk).toContain('xgone@example.org');
    expect(onDisk).toContain(`To: ${ERASED} (cag, bg)`);
    // The rewritten index still reads, with nothing skipped.
    const warnings: string[] = [];
    expect(open(warnings).list()).toEqual(outbox.list());
    expect(warnings).toEqual([]);
  });

  it('keeps the message ids, so an erased message is not delivered again', async () => {
    const outbox = open();
    await outbox.deliver(message('m-1', 'gone@example.org'));
    await outbox.erase(['gone@example.org']);
    await outbox.deliver(message('m-1', 'gone@example.org'));
    expect(outbox.list()).toHaveLength(1);
    expect(JSON.stringify(outbox.list())).not.toContain('gone@example.org');
  });

  it('drops webhook posts to the erased address that are still waiting', async () => {
    const outbox = open([], 'http://127.0.0.1:9/unreachable');
    await outbox.deliver(message('m-1', 'gone@example.org'));
    await outbox.deliver(message('m-2', 'stays@example.org'));
    await outbox.flush();

    const erasure = await outbox.erase(['gone@example.org']);

    expect(erasure.webhookPosts).toBe(1);
    expect(outbox.pendingWebhookPosts().map((post) => post.messageId)).toEqual(['m-2']);
    expect(readFileSync(join(dir, 'webhook-pending.jsonl'), 'utf8')).not.toContain('gone@example.org');
  });
});
