import type { Message } from '../model/message.ts';
import { catalogFor } from './catalogs/index.ts';
import { wording } from './catalogs/plural.ts';
import { fitTwoSegments } from './sms.ts';

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
  if (first.channel === 'sms') {
    const lines = parts.map((part) => (part.link ? `${part.text} ${part.link}` : part.text));
    return { text: fitTwoSegments(['ROMACT:', header, ...lines].filter(Boolean).join(' ')) };
  }
  const municipalities = [...new Set(parts.map((part) => part.municipalityName))];
  const lines = parts.map(
    (part) => `${header ? '• ' : ''}${part.text}${part.link ? `\n  ${part.link}` : ''}`,
  );
  return {
    subject: fill(catalog.subject, { municipality: municipalities.join(', ') }),
    text: [header, ...lines, '', catalog.footer].filter((line) => line !== undefined).join('\n'),
  };
}
