import type { Message } from '../model/message.ts';
import { catalogFor } from './catalogs/index.ts';
import { wording } from './catalogs/plural.ts';
import { fitTwoSegments, isGsm7, smsSegments } from './sms.ts';

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (match, name: string) => String(values[name] ?? match));

/**
 * The text of one delivery to one person on one channel: a single message's sentence and link, or a digest of
 * several with a header. An SMS fits two segments; an email gets a subject naming the municipality.
 */
export function renderDelivery(parts: Message[]): { subject?: string; text: string } {
  const first = parts[0];
  if (!first) return { text: '' };
  const { catalog } = catalogFor(first.locale);
  const header =
    parts.length > 1
      ? fill(wording(catalog.digest, parts.length, first.locale), { count: parts.length })
      : undefined;
  if (first.channel === 'sms') return { text: smsText(header, parts) };
  const municipalities = [...new Set(parts.map((part) => part.municipalityName))];
  const lines = parts.map(
    (part) => `${header ? '• ' : ''}${part.text}${part.link ? `\n  ${part.link}` : ''}`,
  );
  return {
    subject: fill(catalog.subject, { municipality: municipalities.join(', ') }),
    text: [header, ...lines, '', catalog.footer].filter((line) => line !== undefined).join('\n'),
  };
}

/**
 * An SMS within two segments whose links stay whole: a link cut short opens nothing. The sentences give way
 * instead, the longest first. When a digest's links alone would not fit, it carries one link to the web app,
 * whose task list holds them all.
 */
function smsText(header: string | undefined, parts: Message[]): string {
  const each = parts.map((part) => ({ text: part.text, ...(part.link ? { link: part.link } : {}) }));
  const fitted = shortenToFit(header, each);
  if (fitted) return fitted;
  const app = parts.map((part) => part.link).find((link) => link?.includes('/t/'));
  const home = app ? app.slice(0, app.lastIndexOf('/t/') + 1) : undefined;
  const lines = [...parts.map((part) => ({ text: part.text })), ...(home ? [{ text: '', link: home }] : [])];
  return shortenToFit(header, lines) ?? fitTwoSegments(compose(header, lines));
}

interface SmsLine {
  text: string;
  link?: string;
}

const compose = (header: string | undefined, lines: SmsLine[]) =>
  ['ROMACT:', header, ...lines.map((line) => [line.text, line.link].filter(Boolean).join(' '))]
    .filter(Boolean)
    .join(' ');

/** Shortens the longest sentences, a character at a time, until the SMS fits; undefined if it cannot. */
function shortenToFit(header: string | undefined, given: SmsLine[]): string | undefined {
  const lines = given.map((line) => ({ ...line }));
  // An ellipsis outside GSM-7 would turn the whole text into UCS-2 and halve the budget.
  const ellipsis = isGsm7(compose(header, lines)) ? '...' : '…';
  while (smsSegments(compose(header, lines)) > 2) {
    let longest: SmsLine | undefined;
    for (const line of lines) {
      if (line.text.length > ellipsis.length + 1 && line.text.length > (longest?.text.length ?? 0))
        longest = line;
    }
    if (!longest) return undefined;
    const bare = longest.text.endsWith(ellipsis) ? longest.text.slice(0, -ellipsis.length) : longest.text;
    longest.text = `${bare.slice(0, -1).trimEnd()}${ellipsis}`;
  }
  return compose(header, lines);
}
