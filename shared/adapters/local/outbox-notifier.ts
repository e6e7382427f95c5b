import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DomainEvent, Notifier, OutboundMessage } from '#shared/domain/ports.ts';
import {
  appendLine,
  ensurePrivateDir,
  PRIVATE_FILE_MODE,
  readJsonLines,
  warnLine,
  writeFileAtomic,
  writeJsonLines,
} from './files.ts';
import { type WebhookOptions, WebhookSender } from './webhook-sender.ts';

/**
 * The notifier offline: an outbox. Every message is kept (and listed by GET /notifications), printed as one
 * line to the server log (no addresses), written as a readable file under `outbox/`, and optionally POSTed to
 * a webhook (signed, retried for hours, resumed after a restart). A message id seen before is not delivered
 * again. Files are the owner's only; a line torn by a crash is skipped on the next start.
 */

/** Options of the outbox. */
export interface OutboxOptions {
  /** Where the outbox lives; omit to keep it in memory only. */
  dir?: string;
  webhook?: WebhookOptions;
  log?: (line: string) => void;
  /** What the outbox repaired on its own (a torn line); one line each. */
  warn?: (message: string) => void;
  /** Jitter source of the webhook's retries (tests fix it). */
  random?: () => number;
}

/** A message in the outbox. */
export type OutboxEntry = OutboundMessage;

/** What an erasure changed. */
export interface OutboxErasure {
  /** Messages whose recipient address was replaced by ERASED. */
  messages: number;
  /** Readable `.txt` files rewritten. */
  files: number;
  /** Webhook posts dropped (queued or failed). */
  webhookPosts: number;
}

/** What an erased address reads as. */
export const ERASED = '[erased]';
const INDEX_FILE = 'outbox.jsonl';

const isOutboxEntry = (value: unknown): value is OutboxEntry => {
  const entry = value as OutboxEntry;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    typeof entry.messageId === 'string' &&
    typeof entry.recipient?.address === 'string' &&
    typeof entry.text === 'string' &&
    Array.isArray(entry.kinds) &&
    Array.isArray(entry.cycleIds)
  );
};

function readable(message: OutboxEntry): string {
  return [
    `To: ${message.recipient.address} (${message.recipient.role}, ${message.recipient.locale})`,
    `Channel: ${message.channel}`,
    ...(message.subject ? [`Subject: ${message.subject}`] : []),
    `Date: ${message.createdAt}`,
    '',
    message.text,
    '',
  ].join('\n');
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class OutboxNotifier implements Notifier {
  private readonly messages: OutboxEntry[] = [];
  private readonly seen = new Set<string>();
  readonly events: DomainEvent[] = [];
  private readonly webhook: WebhookSender | undefined;

  constructor(private readonly options: OutboxOptions = {}) {
    const warn = options.warn ?? warnLine;
    if (options.dir) {
      ensurePrivateDir(options.dir);
      const { items, skipped } = readJsonLines(join(options.dir, INDEX_FILE), isOutboxEntry);
      if (skipped) warn(`skipped ${skipped} unreadable line(s) of ${INDEX_FILE} (a torn write)`);
      for (const message of items) {
        this.messages.push(message);
        this.seen.add(message.messageId);
      }
    }
    this.webhook = options.webhook
      ? new WebhookSender(options.webhook, {
          ...(options.dir ? { dir: options.dir } : {}),
          ...(options.log ? { log: options.log } : {}),
          ...(options.random ? { random: options.random } : {}),
          warn,
        })
      : undefined;
  }

  async deliver(message: OutboundMessage): Promise<void> {
    if (this.seen.has(message.messageId)) return;
    const body = JSON.stringify(message);
    // The webhook's queue first: a crash before the index line means the sweep delivers again, and the queue
    // (keyed by message id) does not post twice; the other order could lose the post for good.
    this.webhook?.enqueue(message.messageId, body);
    if (this.options.dir) {
      appendLine(join(this.options.dir, INDEX_FILE), body);
      writeFileSync(join(this.options.dir, this.readableName(message)), readable(message), {
        mode: PRIVATE_FILE_MODE,
      });
    }
    this.seen.add(message.messageId);
    this.messages.push(message);
    this.options.log?.(
      `notification ${message.channel} → ${message.recipient.role}@${message.municipalityId} [${message.recipient.locale}] ${message.kinds.join('+')} (${message.notificationIds.length})`,
    );
  }

  private readableName(message: OutboxEntry) {
    return `${message.createdAt.replace(/[:.]/g, '-')}-${message.channel}-${message.messageId}.txt`;
  }

  async publish(event: DomainEvent): Promise<void> {
    this.events.push(event);
  }

  /**
   * Erases these addresses (emails compared case-insensitively) from the outbox: the index is rewritten
   * atomically with ERASED in their place, readable files are rewritten the same way, `list()` no longer
   * returns them, and webhook posts to them that are still queued are dropped.
   */
  /** The Notifier port's erasure: the addresses leave every copy the outbox keeps. */
  async forget(addresses: string[]): Promise<void> {
    await this.erase(addresses);
  }

  async erase(addresses: string[]): Promise<OutboxErasure> {
    const wanted = new Set(addresses.map((address) => address.trim().toLowerCase()).filter(Boolean));
    const erasure: OutboxErasure = { messages: 0, files: 0, webhookPosts: 0 };
    if (!wanted.size) return erasure;
    // Whole addresses only: erasing a@x.org must not touch ba@x.org.
    const pattern = new RegExp(
      `(?<![\\w.+-])(?:${[...wanted].map(escapeRegExp).join('|')})(?![\\w-]|\\.\\w)`,
      'gi',
    );
    const scrub = (text: string) => text.replace(pattern, ERASED);

    for (const [index, message] of this.messages.entries()) {
      const addressed = wanted.has(message.recipient.address.trim().toLowerCase());
      const text = scrub(message.text);
      const subject = message.subject === undefined ? undefined : scrub(message.subject);
      if (!addressed && text === message.text && subject === message.subject) continue;
      this.messages[index] = {
        ...message,
        recipient: { ...message.recipient, address: addressed ? ERASED : message.recipient.address },
        text,
        ...(subject === undefined ? {} : { subject }),
      };
      erasure.messages++;
    }
    erasure.webhookPosts =
      this.webhook?.erase((body) => {
        const address = (JSON.parse(body) as OutboxEntry).recipient?.address;
        return typeof address === 'string' && wanted.has(address.trim().toLowerCase());
      }) ?? 0;
    if (!this.options.dir) return erasure;

    if (erasure.messages) writeJsonLines(join(this.options.dir, INDEX_FILE), this.messages);
    // Every readable file, not only those of indexed messages: a torn index line still left its file.
    for (const name of readdirSync(this.options.dir)) {
      if (!name.endsWith('.txt')) continue;
      const path = join(this.options.dir, name);
      const text = readFileSync(path, 'utf8');
      const scrubbed = scrub(text);
      if (scrubbed === text) continue;
      writeFileAtomic(path, scrubbed);
      erasure.files++;
    }
    return erasure;
  }

  /** Messages in the outbox, oldest first, optionally filtered. */
  list(
    filter: {
      recipient?: string;
      cycleId?: string;
      municipalityIds?: string[];
      countries?: string[];
      role?: string;
    } = {},
  ): OutboxEntry[] {
    return this.messages.filter(
      (message) =>
        (!filter.recipient ||
          message.recipient.address === filter.recipient ||
          message.recipient.role === filter.recipient) &&
        (!filter.cycleId || message.cycleIds.includes(filter.cycleId)) &&
        (!filter.municipalityIds || filter.municipalityIds.includes(message.municipalityId)) &&
        (!filter.countries || filter.countries.includes(message.country)) &&
        (!filter.role || message.recipient.role === filter.role),
    );
  }

  /** Webhook posts not delivered yet. */
  pendingWebhookPosts() {
    return this.webhook?.pending() ?? [];
  }

  /** Waits for webhook posts in flight (tests); scheduled retries are not waited for. */
  async flush(): Promise<void> {
    await this.webhook?.flush();
  }

  /** Stops the webhook's retries in this process (shutdown); undelivered posts stay queued on disk. */
  async close(): Promise<void> {
    await this.webhook?.close();
  }
}
