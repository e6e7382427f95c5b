import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { appendLine, readJsonLines, warnLine, writeJsonLines } from './files.ts';

/**
 * The outbox's webhook: every message POSTed to a URL the operator chose (an SMS gateway, a mail relay, a chat
 * channel), signed so the receiver can tell it came from this server, and retried with capped exponential
 * backoff and jitter for hours. Posts not yet delivered are kept in `webhook-pending.jsonl`, so a restart
 * resumes them; those still failing when the retry window closes move to `webhook-failed.jsonl` (append them
 * back to the pending file while the server is stopped to replay them). docs/webhook.md describes the contract and how to verify a signature.
 */

/** Settings of the webhook. */
export interface WebhookOptions {
  url: string;
  /** Key of the HMAC-SHA256 signature (its UTF-8 bytes). */
  secret: string;
  /** How long a post is retried, counted from its first attempt (24 h by default). */
  retryForMs?: number;
  /** Delay before the first retry; it doubles with each attempt up to `maxDelayMs`, with jitter. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** How long one attempt may take. */
  attemptTimeoutMs?: number;
}

/** A post waiting for (another) attempt. */
export interface PendingPost {
  messageId: string;
  /** The exact bytes posted (and signed) on every attempt. */
  body: string;
  firstAttemptAt: number;
  attempts: number;
  nextAttemptAt: number;
  lastError?: string;
}

/** Header carrying the signature: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const SIGNATURE_HEADER = 'romact-signature';
/** File of posts awaiting delivery, in the outbox dir. */
export const PENDING_FILE = 'webhook-pending.jsonl';
/** File of posts given up on, in the outbox dir. */
export const FAILED_FILE = 'webhook-failed.jsonl';

const DEFAULTS = {
  retryForMs: 24 * 3_600_000,
  baseDelayMs: 1_000,
  maxDelayMs: 15 * 60_000,
  attemptTimeoutMs: 10_000,
};

/** The signature header's value for a body at a time (unix seconds). */
export function signWebhookBody(secret: string, body: string, unixSeconds: number): string {
  const digest = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${digest}`;
}

/**
 * The wait before retry number `attempt` (1 = the first retry): doubling from `base`, capped at `max`, and
 * drawn from the upper half of that ("equal jitter") so that many failed posts do not retry in lockstep.
 */
export function retryDelayMs(attempt: number, base: number, max: number, random: () => number): number {
  const ceiling = Math.min(max, base * 2 ** Math.min(Math.max(attempt - 1, 0), 40));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

const isPendingPost = (value: unknown): value is PendingPost => {
  const post = value as PendingPost;
  return (
    typeof post === 'object' &&
    post !== null &&
    typeof post.messageId === 'string' &&
    typeof post.body === 'string' &&
    Number.isFinite(post.firstAttemptAt) &&
    Number.isFinite(post.nextAttemptAt) &&
    Number.isInteger(post.attempts)
  );
};

/** Delivers posts to the webhook, durably. */
export class WebhookSender {
  private readonly settings: Required<WebhookOptions>;
  private readonly queue: PendingPost[];
  private readonly inFlight = new Map<string, Promise<void>>();
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(
    options: WebhookOptions,
    private readonly context: {
      /** The outbox dir; without it the queue lives in memory only. */
      dir?: string;
      log?: (line: string) => void;
      warn?: (message: string) => void;
      random?: () => number;
    } = {},
  ) {
    this.settings = { ...DEFAULTS, ...options };
    const { items, skipped } = context.dir
      ? readJsonLines(join(context.dir, PENDING_FILE), isPendingPost)
      : { items: [], skipped: 0 };
    if (skipped)
      (context.warn ?? warnLine)(`skipped ${skipped} unreadable line(s) of ${PENDING_FILE} (a torn write)`);
    // A post whose window closed while no server ran to retry it (or that was moved back from the failed file
    // to replay it) gets a fresh window: the window measures retrying, not downtime.
    const now = Date.now();
    for (const post of items) {
      if (now - post.firstAttemptAt <= this.settings.retryForMs) continue;
      post.firstAttemptAt = now;
      post.nextAttemptAt = now;
    }
    this.queue = items;
    this.schedule();
  }

  /** Queues a post (once per message id) and attempts it at once. */
  enqueue(messageId: string, body: string): void {
    if (this.closed || this.queue.some((post) => post.messageId === messageId)) return;
    const now = Date.now();
    this.queue.push({ messageId, body, firstAttemptAt: now, attempts: 0, nextAttemptAt: now });
    this.persist();
    this.schedule();
  }

  /** Posts waiting for an attempt (oldest first). */
  pending(): readonly PendingPost[] {
    return this.queue;
  }

  /** Drops queued and failed posts addressed to any of these addresses (erasure); returns how many. */
  erase(isErased: (body: string) => boolean): number {
    const before = this.queue.length;
    this.queue.splice(0, this.queue.length, ...this.queue.filter((post) => !isErased(post.body)));
    const dropped = before - this.queue.length;
    if (dropped) this.persist();
    if (this.context.dir) {
      const failedPath = join(this.context.dir, FAILED_FILE);
      const failed = readJsonLines(failedPath, isPendingPost).items;
      const kept = failed.filter((post) => !isErased(post.body));
      if (kept.length !== failed.length) writeJsonLines(failedPath, kept);
      return dropped + failed.length - kept.length;
    }
    return dropped;
  }

  /** Waits for the attempts in flight (not for scheduled retries). */
  async flush(): Promise<void> {
    await Promise.all([...this.inFlight.values()]);
  }

  /** Stops retrying in this process; what is undelivered stays on disk for the next start. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    await this.flush();
  }

  private persist() {
    if (this.context.dir) writeJsonLines(join(this.context.dir, PENDING_FILE), this.queue);
  }

  private schedule() {
    clearTimeout(this.timer);
    if (this.closed) return;
    const waiting = this.queue.filter((post) => !this.inFlight.has(post.messageId));
    if (!waiting.length) return;
    const next = Math.min(...waiting.map((post) => post.nextAttemptAt));
    this.timer = setTimeout(() => this.attemptDue(), Math.max(0, next - Date.now()));
    // Retries must not keep a finished process (a test, a CLI) alive; the server's socket keeps it running.
    this.timer.unref();
  }

  private attemptDue() {
    const now = Date.now();
    for (const post of this.queue) {
      if (post.nextAttemptAt > now || this.inFlight.has(post.messageId)) continue;
      const attempt = this.attempt(post).finally(() => {
        this.inFlight.delete(post.messageId);
        this.schedule();
      });
      this.inFlight.set(post.messageId, attempt);
    }
    this.schedule();
  }

  private async attempt(post: PendingPost): Promise<void> {
    let failure: string;
    try {
      const response = await fetch(this.settings.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'romact-webhook/1',
          'idempotency-key': post.messageId,
          [SIGNATURE_HEADER]: signWebhookBody(this.settings.secret, post.body, Math.floor(Date.now() / 1000)),
        },
        body: post.body,
        signal: AbortSignal.timeout(this.settings.attemptTimeoutMs),
      });
      await response.body?.cancel();
      if (response.ok) {
        this.remove(post);
        if (post.attempts > 0)
          this.context.log?.(`webhook delivered ${post.messageId} at attempt ${post.attempts + 1}`);
        return;
      }
      failure = `HTTP ${response.status}`;
    } catch (error) {
      failure = (error as Error).name === 'TimeoutError' ? 'timed out' : 'unreachable';
    }
    // Erased while in flight: nothing to retry.
    if (!this.queue.includes(post)) return;
    post.attempts += 1;
    post.lastError = failure;
    const delay = retryDelayMs(
      post.attempts,
      this.settings.baseDelayMs,
      this.settings.maxDelayMs,
      this.context.random ?? Math.random,
    );
    const now = Date.now();
    if (now + delay - post.firstAttemptAt > this.settings.retryForMs) {
      this.remove(post);
      if (this.context.dir) appendLine(join(this.context.dir, FAILED_FILE), JSON.stringify(post));
      this.context.log?.(
        `webhook gave up on ${post.messageId} after ${post.attempts} attempts (${failure}); kept in ${FAILED_FILE}`,
      );
      return;
    }
    post.nextAttemptAt = now + delay;
    this.persist();
    if (post.attempts === 1 || post.attempts % 10 === 0)
      this.context.log?.(
        `webhook attempt ${post.attempts} for ${post.messageId} failed (${failure}); retrying for up to ${Math.round(this.settings.retryForMs / 3_600_000)} h`,
      );
  }

  private remove(post: PendingPost) {
    const index = this.queue.indexOf(post);
    if (index < 0) return;
    this.queue.splice(index, 1);
    this.persist();
  }
}
