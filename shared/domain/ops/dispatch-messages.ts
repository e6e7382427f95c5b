import { createHash } from 'node:crypto';
import type { Message } from '../model/message.ts';
import { renderDelivery } from '../notifications/digest.ts';
import { DeliveryRefusedError, type Ports } from '../ports.ts';

/** How long a delivery is ours before another sweep sends it again (a crash between sending and recording). */
const DELIVERY_LEASE_MINUTES = 10;

/**
 * Sends the stored messages whose time has come, one delivery per person and channel (a digest when several
 * are due). Each delivery first claims its messages under a delivery id; a delivery whose lease ran out is sent
 * again with the same messages under the same id, which the transports drop as a repeat: each message reaches
 * its person once, also across crashes, and messages that become due later never join a delivery already made.
 * A delivery the transport refuses for good (an invalid or opted-out number, a rejected email) is marked
 * UNDELIVERABLE (`refused`); one that fails otherwise stays claimed and is sent again when its lease runs out,
 * while the other deliveries go on, and the first such error is thrown at the end (the run failed, visibly).
 */
export async function dispatchMessages(
  deps: Pick<Ports, 'messages' | 'notifier' | 'users' | 'clock'>,
  now: Date = deps.clock.now(),
  /**
   * Only these messages, just stored by the caller (a task's assignment): no listing, and no race with every
   * other dispatch under way to claim the same due messages. What is not due yet is left to the sweep.
   */
  only?: readonly Message[],
): Promise<DispatchTotals> {
  if (only) {
    const due = only.filter((one) => one.status === 'PENDING' && one.sendAfter <= now.toISOString());
    if (!due.length) return { deliveries: 0, messages: 0, refused: 0 };
    const { failure, ...done } = await dispatchPage(deps, due, now);
    if (failure) throw failure.error;
    return done;
  }
  const totals: DispatchTotals = { deliveries: 0, messages: 0, refused: 0 };
  let failure: { error: unknown } | undefined;
  const seen = new Set<string>();
  // Claiming moves messages out of the due window, so each page brings new ones until none are left.
  for (let round = 0; round < 100; round++) {
    const page = await deps.messages.listDue(now.toISOString(), { limit: 100 });
    const fresh = page.items.filter((one) => !seen.has(one.messageId));
    if (!fresh.length) break;
    for (const one of fresh) seen.add(one.messageId);
    const done = await dispatchPage(deps, fresh, now);
    totals.deliveries += done.deliveries;
    totals.messages += done.messages;
    totals.refused += done.refused;
    failure ??= done.failure;
  }
  if (failure) throw failure.error;
  return totals;
}

/** What a dispatch did: deliveries made, messages settled (sent or refused), messages refused for good. */
export interface DispatchTotals {
  deliveries: number;
  messages: number;
  refused: number;
}

async function dispatchPage(
  deps: Pick<Ports, 'messages' | 'notifier' | 'users' | 'clock'>,
  due: Message[],
  now: Date,
): Promise<DispatchTotals & { failure?: { error: unknown } }> {
  const nowText = now.toISOString();
  const leaseUntil = new Date(now.getTime() + DELIVERY_LEASE_MINUTES * 60_000).toISOString();
  // A delivery left unconfirmed is redone as it was; new messages form new deliveries per person and channel.
  const groups = new Map<string, Message[]>();
  for (const message of due) {
    if (!message.userId || !message.channel) continue;
    const key =
      message.status === 'SENDING' && message.deliveryId
        ? message.deliveryId
        : `new\u0000${message.userId}\u0000${message.channel}`;
    groups.set(key, [...(groups.get(key) ?? []), message]);
  }
  let deliveries = 0;
  let sent = 0;
  let refused = 0;
  let failure: { error: unknown } | undefined;
  for (const [key, candidates] of groups) {
    const deliveryId = key.startsWith('new\u0000')
      ? `msg-${createHash('sha256')
          .update(
            candidates
              .map((one) => one.messageId)
              .sort()
              .join(','),
          )
          .digest('hex')
          .slice(0, 24)}`
      : key;
    const parts: Message[] = [];
    for (const message of candidates) {
      if (await deps.messages.claim(message, deliveryId, leaseUntil, nowText)) parts.push(message);
    }
    if (!parts.length) continue;
    const first = parts[0] as Message;
    const user = await deps.users.get(first.userId ?? '');
    const channel = user?.channels.find((one) => one.type === first.channel);
    let outcome: 'SENT' | 'UNDELIVERABLE' = 'SENT';
    if (user?.status === 'ACTIVE' && channel) {
      const { subject, text } = renderDelivery(parts);
      try {
        await deps.notifier.deliver({
          messageId: deliveryId,
          channel: channel.type,
          recipient: {
            role: first.role,
            address: channel.address,
            locale: first.locale,
            userId: user.userId,
          },
          municipalityId: first.municipalityId,
          country: first.country,
          cycleIds: [...new Set(parts.flatMap((part) => part.cycleIds))],
          notificationIds: parts.flatMap((part) => part.notificationIds).sort(),
          kinds: [...new Set(parts.flatMap((part) => part.kinds))],
          ...(subject ? { subject } : {}),
          text,
          createdAt: nowText,
        });
        deliveries += 1;
      } catch (error) {
        if (!(error instanceof DeliveryRefusedError)) {
          // Left claimed: the next dispatch after the lease sends it again under the same delivery id.
          failure ??= { error };
          continue;
        }
        outcome = 'UNDELIVERABLE';
        refused += parts.length;
      }
    }
    // Sent, refused for good, or (the person was erased or dropped the channel meanwhile) nothing left to send
    // it to.
    for (const part of parts) await deps.messages.markSent(part, deliveryId, nowText, outcome);
    sent += parts.length;
  }
  return { deliveries, messages: sent, refused, ...(failure ? { failure } : {}) };
}
