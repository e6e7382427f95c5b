import { createHmac, timingSafeEqual } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  FAILED_FILE,
  PENDING_FILE,
  retryDelayMs,
  WebhookSender,
} from '#shared/adapters/local/webhook-sender.ts';
import { eventually } from '../../../../support/eventually.ts';

const SECRET = 'test-webhook-secret-0123456789';
const FAST = { baseDelayMs: 5, maxDelayMs: 20 };

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A webhook receiver that answers `failures` times with 500, then 200. */
async function receiver(failures: number) {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += String(chunk);
    });
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(received.length > failures ? 200 : 500).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    received,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** The verification docs/webhook.md shows a receiver, in the same words. */
function verify(secret: string, header: string, body: string, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest();
  const given = Buffer.from(parts.v1 ?? '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

let dir: string;
let senders: WebhookSender[];
let closers: (() => Promise<unknown>)[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'romact-webhook-'));
  senders = [];
  closers = [];
});
afterEach(async () => {
  for (const sender of senders) await sender.close();
  for (const close of closers) await close();
  rmSync(dir, { recursive: true, force: true });
});

function sender(url: string, options: { retryForMs?: number; dir?: string; log?: string[] } = {}) {
  const one = new WebhookSender(
    { url, secret: SECRET, ...FAST, ...(options.retryForMs ? { retryForMs: options.retryForMs } : {}) },
    {
      ...(options.dir ? { dir: options.dir } : {}),
      ...(options.log ? { log: (line: string) => options.log?.push(line) } : {}),
      random: () => 0.5,
    },
  );
  senders.push(one);
  return one;
}

const body = (messageId: string, address = 'mayor@town.example') =>
  JSON.stringify({ messageId, recipient: { role: 'municipality', address, locale: 'bg' }, text: 'x' });

describe('WebhookSender: delivery', () => {
  it('retries past the five attempts the old sender gave up after, until the receiver answers 2xx', async () => {
    const hook = await receiver(8);
    closers.push(hook.close);
    const webhook = sender(hook.url, { dir });

    webhook.enqueue('msg-1', body('msg-1'));

    await eventually(async () => hook.received.length === 9 && webhook.pending().length === 0);
    expect(new Set(hook.received.map((one) => one.body))).toEqual(new Set([body('msg-1')]));
    expect(readFileSync(join(dir, PENDING_FILE), 'utf8')).toBe('');
  });

  it('signs every attempt (t and v1 over "<t>.<body>") and sends the message id as Idempotency-Key', async () => {
    const hook = await receiver(2);
    closers.push(hook.close);
    const webhook = sender(hook.url);

    webhook.enqueue('msg-2', body('msg-2'));

    await eventually(async () => hook.received.length === 3);
    for (const request of hook.received) {
      expect(request.headers['idempotency-key']).toBe('msg-2');
      expect(request.headers['content-type']).toContain('application/json');
      const signature = String(request.headers['romact-signature']);
      expect(signature).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verify(SECRET, signature, request.body)).toBe(true);
      expect(verify('another-secret-0123456789', signature, request.body)).toBe(false);
      expect(verify(SECRET, signature, `${request.body} `)).toBe(false);
    }
  });

  it('posts a message id once, however often it is queued', async () => {
    const hook = await receiver(0);
    closers.push(hook.close);
    const webhook = sender(hook.url);
    webhook.enqueue('msg-3', body('msg-3'));
    webhook.enqueue('msg-3', body('msg-3'));
    await eventually(async () => hook.received.length === 1 && webhook.pending().length === 0);
    await webhook.flush();
    expect(hook.received).toHaveLength(1);
  });
});

describe('WebhookSender: undelivered posts', () => {
  it('keeps them on disk (0600) so that the next start delivers them', async () => {
    // Prepare: the receiver is down while the first process runs.
    const down = await receiver(Number.POSITIVE_INFINITY);
    closers.push(down.close);
    const first = sender(down.url, { dir });
    first.enqueue('msg-4', body('msg-4'));
    await eventually(async () => down.received.length >= 2);
    await first.close();
    expect(statSync(join(dir, PENDING_FILE)).mode & 0o777).toBe(0o600);
    const kept = readFileSync(join(dir, PENDING_FILE), 'utf8').trim().split('\n');
    expect(kept.map((line) => JSON.parse(line).messageId)).toEqual(['msg-4']);

    // Act: a restart, with the receiver back.
    const up = await receiver(0);
    closers.push(up.close);
    const second = sender(up.url, { dir });

    // Assess
    await eventually(async () => up.received.length === 1 && second.pending().length === 0);
    expect(up.received[0]?.body).toBe(body('msg-4'));
    expect(readFileSync(join(dir, PENDING_FILE), 'utf8')).toBe('');
  });

  it('skips a torn line of the pending file and keeps the others', async () => {
    writeFileSync(
      join(dir, PENDING_FILE),
      `${JSON.stringify({ messageId: 'msg-5', body: body('msg-5'), firstAttemptAt: Date.now(), attempts: 3, nextAttemptAt: Date.now() })}\n{"messageId":"msg-6","bo`,
    );
    const hook = await receiver(0);
    closers.push(hook.close);
    const webhook = sender(hook.url, { dir });
    await eventually(async () => hook.received.length === 1 && webhook.pending().length === 0);
    expect(hook.received[0]?.headers['idempotency-key']).toBe('msg-5');
  });

  it('sets a post aside in webhook-failed.jsonl when the retry window closes, and logs no address', async () => {
    const hook = await receiver(Number.POSITIVE_INFINITY);
    closers.push(hook.close);
    const log: string[] = [];
    const webhook = sender(hook.url, { dir, retryForMs: 60, log });

    webhook.enqueue('msg-7', body('msg-7'));

    await eventually(async () => existsSync(join(dir, FAILED_FILE)) && webhook.pending().length === 0);
    const failed = JSON.parse(readFileSync(join(dir, FAILED_FILE), 'utf8').trim());
    expect(failed).toMatchObject({ messageId: 'msg-7', body: body('msg-7'), lastError: 'HTTP 500' });
    expect(failed.attempts).toBeGreaterThan(1);
    expect(log.some((line) => line.startsWith('webhook gave up on msg-7'))).toBe(true);
    expect(log.join('\n')).not.toContain('mayor@town.example');
  });

  it('replays a set-aside post moved back into the pending file, with a fresh retry window', async () => {
    // Prepare: a post given up on, then moved back by the operator while the server was stopped.
    const down = await receiver(Number.POSITIVE_INFINITY);
    closers.push(down.close);
    const first = sender(down.url, { dir, retryForMs: 60 });
    first.enqueue('msg-8', body('msg-8'));
    await eventually(async () => existsSync(join(dir, FAILED_FILE)) && first.pending().length === 0);
    await first.close();
    // Its first attempt was two hours ago, older than the one-hour window of the next start.
    const failed = JSON.parse(readFileSync(join(dir, FAILED_FILE), 'utf8'));
    writeFileSync(
      join(dir, PENDING_FILE),
      `${JSON.stringify({ ...failed, firstAttemptAt: Date.now() - 2 * 3_600_000 })}\n`,
    );
    writeFileSync(join(dir, FAILED_FILE), '');

    // Act: the receiver fails twice more before it takes the post.
    const flaky = await receiver(2);
    closers.push(flaky.close);
    const second = sender(flaky.url, { dir, retryForMs: 3_600_000 });

    // Assess
    await eventually(async () => flaky.received.length === 3 && second.pending().length === 0);
    expect(readFileSync(join(dir, FAILED_FILE), 'utf8')).toBe('');
  });

  it('drops queued and set-aside posts to an erased address, and only those', async () => {
    const hook = await receiver(Number.POSITIVE_INFINITY);
    closers.push(hook.close);
    const webhook = sender(hook.url, { dir });
    webhook.enqueue('erased', body('erased', 'gone@town.example'));
    webhook.enqueue('kept', body('kept', 'stays@town.example'));
    await eventually(async () => hook.received.length >= 2);
    await webhook.flush();

    const dropped = webhook.erase((text) => text.includes('gone@town.example'));

    expect(dropped).toBe(1);
    expect(webhook.pending().map((post) => post.messageId)).toEqual(['kept']);
    expect(readFileSync(join(dir, PENDING_FILE), 'utf8')).not.toContain('gone@town.example');
  });
});

describe('retryDelayMs', () => {
  it('doubles from the base, stops at the cap, and jitters within the upper half', () => {
    const middle = () => 0.5;
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 1_000, 600_000, middle))).toEqual([
      750, 1_500, 3_000, 6_000,
    ]);
    expect(retryDelayMs(40, 1_000, 600_000, () => 0)).toBe(300_000);
    expect(retryDelayMs(40, 1_000, 600_000, () => 0.999_999)).toBeLessThanOrEqual(600_000);
    expect(retryDelayMs(1_000, 1_000, 600_000, () => 1)).toBe(600_000);
  });
});
