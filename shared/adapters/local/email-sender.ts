import nodemailer, { type NodemailerError, type SendMailOptions, type Transporter } from 'nodemailer';
import type { DomainEvent, Notifier, OutboundMessage } from '#shared/domain/ports.ts';

/**
 * Real email for the single-server default: a notifier that wraps the outbox and also sends every message on
 * the email channel through an SMTP server (nodemailer), so a small programme can run `npm start` for real. SMS
 * stays with the outbox and its webhook (an SMS gateway goes there). The outbox keeps every message first, so a
 * failed send loses nothing; sending happens after `deliver` has returned, so a sign-in answers as fast for an
 * address that exists as for one that does not. A message is sent once per id; a transient failure (no
 * connection, a 4xx reply) is retried in this process, a permanent one (5xx) is logged and left in the outbox.
 * Logs name the message id and the SMTP reply code, never an address.
 */

/** Settings of real email. */
export interface EmailOptions {
  /** `smtp://user:pass@host:port` (STARTTLS when offered) or `smtps://…` (TLS from the start). */
  url: string;
  /** The sender, e.g. `ROMACT <romact@example.org>`. */
  from: string;
  log?: (line: string) => void;
  /** The waits before each retry of a transient failure (5 s, 30 s, 2 min, 10 min, 30 min by default). */
  retryDelaysMs?: readonly number[];
}

/** The notifier an email sender wraps: the outbox (its `list` tells which messages a previous run handled). */
export type WrappedNotifier = Notifier & { list?(): readonly Pick<OutboundMessage, 'messageId'>[] };

const DEFAULT_RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000];

/** An SMTP URL that is not `smtp:` or `smtps:`. */
export class EmailSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmailSettingsError';
  }
}

/** Throws EmailSettingsError unless the URL is `smtp://…` or `smtps://…`. */
export function assertSmtpUrl(url: string): void {
  const protocol = URL.canParse(url) ? new URL(url).protocol : '';
  if (protocol !== 'smtp:' && protocol !== 'smtps:')
    throw new EmailSettingsError('ROMACT_SMTP_URL must be an smtp:// or smtps:// URL');
}

/** The SMTP URL without its credentials, for the server's banner. */
export function describeSmtpUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
}

/** The domain of a sender (`ROMACT <romact@example.org>` → `example.org`), for Message-IDs. */
const domainOf = (from: string) => /@([^>\s]+)/.exec(from)?.[1] ?? 'romact.local';

/** The outbox, and email through SMTP for the email channel. */
export class EmailNotifier implements Notifier {
  private readonly transport: Transporter;
  /** Message ids already handled: sent, being sent, or in the outbox before this run. */
  private readonly handled = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly waiting = new Map<string, { timer: NodeJS.Timeout; address: string }>();
  private readonly delays: readonly number[];
  private closed = false;

  constructor(
    private readonly inner: WrappedNotifier,
    private readonly options: EmailOptions,
  ) {
    assertSmtpUrl(options.url);
    this.transport = nodemailer.createTransport(options.url);
    this.delays = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    // What the outbox held before this start was handled by the run that put it there.
    for (const message of inner.list?.() ?? []) this.handled.add(message.messageId);
  }

  async deliver(message: OutboundMessage): Promise<void> {
    await this.inner.deliver(message);
    if (message.channel !== 'email' || this.closed || this.handled.has(message.messageId)) return;
    this.handled.add(message.messageId);
    this.attempt(message, 0);
  }

  publish(event: DomainEvent): Promise<void> {
    return this.inner.publish(event);
  }

  /** Erasure: the outbox forgets the addresses, and no retry to them is left waiting. */
  async forget(addresses: string[]): Promise<void> {
    const erased = new Set(addresses.map((address) => address.trim().toLowerCase()));
    for (const [messageId, { timer, address }] of this.waiting) {
      if (!erased.has(address.trim().toLowerCase())) continue;
      clearTimeout(timer);
      this.waiting.delete(messageId);
    }
    await this.inner.forget?.(addresses);
  }

  /** Waits for the sends in progress (not for retries still waiting). */
  async flush(): Promise<void> {
    while (this.inFlight.size) await Promise.all([...this.inFlight]);
  }

  /** Emails waiting for a retry. */
  pendingRetries(): number {
    return this.waiting.size;
  }

  /** Stops retrying, waits for the sends in progress, and closes the SMTP connections. */
  async close(): Promise<void> {
    this.closed = true;
    for (const { timer } of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
    await this.flush();
    this.transport.close();
  }

  private attempt(message: OutboundMessage, retry: number) {
    const sending = this.send(message, retry).finally(() => this.inFlight.delete(sending));
    this.inFlight.add(sending);
  }

  private async send(message: OutboundMessage, retry: number): Promise<void> {
    try {
      await this.transport.sendMail(this.mailOf(message));
      if (retry > 0) this.options.log?.(`email ${message.messageId} sent at attempt ${retry + 1}`);
    } catch (error) {
      const failure = error as NodemailerError;
      const reason = failure.responseCode ? `SMTP ${failure.responseCode}` : (failure.code ?? 'unreachable');
      const delay = this.delays[retry];
      if (failure.permanent || delay === undefined || this.closed) {
        this.options.log?.(
          `email ${message.messageId} not sent (${reason}${failure.permanent ? ', refused for good' : ''}); it stays in the outbox`,
        );
        return;
      }
      this.options.log?.(
        `email ${message.messageId} failed (${reason}); retrying in ${Math.round(delay / 1000)} s`,
      );
      const timer = setTimeout(() => {
        this.waiting.delete(message.messageId);
        this.attempt(message, retry + 1);
      }, delay);
      // A retry must not keep a finished process alive; the server's socket keeps a server running.
      timer.unref();
      this.waiting.set(message.messageId, { timer, address: message.recipient.address });
    }
  }

  private mailOf(message: OutboundMessage): SendMailOptions {
    return {
      from: this.options.from,
      to: message.recipient.address,
      subject: message.subject ?? 'ROMACT',
      text: message.text,
      // The same message id is the same email: a receiving system can drop a repeat.
      messageId: `<${message.messageId}@${domainOf(this.options.from)}>`,
      headers: {
        'Content-Language': message.recipient.locale,
        // Sent by a machine: no out-of-office replies (RFC 3834).
        'Auto-Submitted': 'auto-generated',
      },
    };
  }
}
