import { createHash } from 'node:crypto';
import { dateTimeFormat } from '../model/dates.ts';
import type { Contact, Municipality } from '../model/municipality.ts';
import type { LocalizedText } from '../model/roles.ts';
import type { Task } from '../model/task.ts';
import type { OutboundMessage } from '../ports.ts';
import { catalogFor } from './catalogs/index.ts';
import { wording } from './catalogs/plural.ts';
import type { Moment } from './schedule.ts';
import { fitTwoSegments } from './sms.ts';

/** Turns due notifications into messages: one per recipient and channel, a digest when several are due. */

/** A notification ready to be worded: its moment, its task and the task's title in every language. */
export interface DueNotification {
  notificationId: string;
  moment: Moment;
  task: Task;
  title: LocalizedText | undefined;
}

/** A person to notify, with the role they act in. */
export interface Recipient {
  role: 'municipality' | 'cag' | 'coordinator';
  contact: Contact;
}

const fill = (template: string, values: Record<string, string | number>) =>
  template
    .replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match))
    // Some date formats end in a full stop (Bulgarian "16.12.2026 г."): do not double it.
    .replace(/\.\./g, '.');

/** A date in the recipient's language and the municipality's time zone. */
export function formatDate(instant: string, locale: string, timeZone: string): string {
  return dateTimeFormat(locale, { dateStyle: 'medium', timeZone }).format(new Date(instant));
}

/** One notification as a sentence in a language: what is due, when, and how many days are left or late. */
export function noticeLine(
  item: DueNotification,
  locale: string,
  municipality: Municipality,
  now: Date,
): string {
  const { catalog } = catalogFor(locale);
  const title = item.title?.[locale] ?? item.title?.en ?? item.task.taskKey;
  const dueMs = new Date(item.task.dueAt).getTime();
  const days = Math.max(0, Math.round(Math.abs(dueMs - now.getTime()) / 86_400_000));
  return fill(wording(catalog[item.moment.kind], days, locale), {
    title,
    due: formatDate(item.task.dueAt, locale, municipality.timeZone),
    days,
    municipality: municipality.name,
  });
}

/** The messages for one recipient: an email if they have an address, an SMS (two segments at most) if a phone. */
export function composeMessages(
  items: DueNotification[],
  recipient: Recipient,
  municipality: Municipality,
  now: Date,
): OutboundMessage[] {
  const { locale, catalog } = catalogFor(recipient.contact.locale ?? municipality.locale);
  const lines = items.map((item) => noticeLine(item, locale, municipality, now));
  const header =
    items.length > 1
      ? fill(wording(catalog.digest, items.length, locale), { count: items.length })
      : undefined;
  const notificationIds = items.map((item) => item.notificationId).sort();
  const base = {
    municipalityId: municipality.municipalityId,
    country: municipality.country,
    cycleIds: [...new Set(items.map((item) => item.task.cycleId))],
    notificationIds,
    kinds: [...new Set(items.map((item) => item.moment.kind))],
    createdAt: now.toISOString(),
  };
  const idFor = (channel: string, address: string) =>
    `msg-${createHash('sha256')
      .update(`${channel}\u0000${address}\u0000${notificationIds.join(',')}`)
      .digest('hex')
      .slice(0, 24)}`;
  const messages: OutboundMessage[] = [];
  if (recipient.contact.email) {
    messages.push({
      ...base,
      messageId: idFor('email', recipient.contact.email),
      channel: 'email',
      recipient: { role: recipient.role, address: recipient.contact.email, locale },
      subject: fill(catalog.subject, { municipality: municipality.name }),
      text: [header, ...lines.map((text) => (header ? `• ${text}` : text)), '', catalog.footer]
        .filter((part) => part !== undefined)
        .join('\n'),
    });
  }
  if (recipient.contact.phone) {
    messages.push({
      ...base,
      messageId: idFor('sms', recipient.contact.phone),
      channel: 'sms',
      recipient: { role: recipient.role, address: recipient.contact.phone, locale },
      text: fitTwoSegments(['ROMACT:', header, ...lines].filter(Boolean).join(' ')),
    });
  }
  return messages;
}
