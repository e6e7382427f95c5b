import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DomainEvent, Notifier, OutboundMessage } from '#shared/domain/ports.ts';

/**
 * The notifier offline: an outbox. Every message is kept (and listed by GET /notifications), printed as one
 * line to the server log (no addresses), written as a readable file under `outbox/`, and optionally POSTed to
 * a webhook with retries. A message id seen before is not delivered again.
 */

/** Options of the outbox. */
export interface OutboxOptions {
  /** Where the outbox lives; omit to keep it in memory only. */
  dir?: string;
  webhookUrl?: string;
  log?: (line: string) => void;
  /** Pause between webhook attempts (tests shorten it). */
  retryDelayMs?: number;
}

/** A message in the outbox. */
export type OutboxEntry = OutboundMessage;

export class OutboxNotifier implements Notifier {
  private readonly messages: OutboxEntry[] = [];
  private readonly seen = new Set<string>();
  readonly events: DomainEvent[] = [];
  private readonly pending = new Set<Promise<void>>();

  constructor(private readonly options: OutboxOptions = {}) {
    if (options.dir) {
      mkdirSync(options.dir, { recursive: true });
      const index = join(options.dir, 'outbox.jsonl');
      if (existsSync(index)) {
        for (const line of readFileSync(index, 'utf8').split('\n').filter(Boolean)) {
          const message = JSON.parse(line) as OutboxEntry;
          this.messages.push(message);
          this.seen.add(message.messageId);
        }
      }
    }
  }

  async deliver(message: OutboundMessage): Promise<void> {
    if (this.seen.has(message.messageId)) return;
    this.seen.add(message.messageId);
    this.messages.push(message);
    if (this.options.dir) {
      appendFileSync(join(this.options.dir, 'outbox.jsonl'), `${JSON.stringify(message)}\n`);
      const readable = [
        `To: ${message.recipient.address} (${message.recipient.role}, ${message.recipient.locale})`,
        `Channel: ${message.channel}`,
        ...(message.subject ? [`Subject: ${message.subject}`] : []),
        `Date: ${message.createdAt}`,
        '',
        message.text,
        '',
      ].join('\n');
      writeFileSync(
        join(
          this.options.dir,
          `${message.createdAt.replace(/[:.]/g, '-')}-${message.channel}-${message.messageId}.txt`,
        ),
        readable,
      );
    }
    this.options.log?.(
      `notification ${message.channel} → ${message.recipient.role}@${message.municipalityId} [${message.recipient.locale}] ${message.kinds.join('+')} (${message.notificationIds.length})`,
    );
    if (this.options.webhookUrl) {
      const sending = this.postWithRetries(message).finally(() => this.pending.delete(sending));
      this.pending.add(sending);
    }
  }

  private async postWithRetries(message: OutboundMessage): Promise<void> {
    const delay = this.options.retryDelayMs ?? 1_000;
    for (let attempt = 1; attempt <= 5; attempt++) {
      try {
        const response = await fetch(this.options.webhookUrl ?? '', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': message.messageId },
          body: JSON.stringify(message),
        });
        if (response.ok) return;
      } catch {
        // retried below
      }
      await new Promise((resolve) => setTimeout(resolve, delay * 2 ** (attempt - 1)));
    }
    this.options.log?.(`webhook gave up on ${message.messageId}`);
  }

  async publish(event: DomainEvent): Promise<void> {
    this.events.push(event);
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

  /** Waits for webhook posts in flight (shutdown, tests). */
  async flush(): Promise<void> {
    await Promise.all([...this.pending]);
  }
}
