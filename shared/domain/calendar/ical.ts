import type { Municipality } from '../model/municipality.ts';
import type { Task } from '../model/task.ts';
import { findTask } from '../model/template.ts';
import { catalogFor } from '../notifications/catalogs/index.ts';
import { policyFor } from '../notifications/schedule.ts';
import type { Ports } from '../ports.ts';

/**
 * A municipality's open task deadlines as an iCalendar feed (RFC 5545), with alarms matching the reminder
 * policy. UIDs are stable (one per task) and SEQUENCE counts extensions, so a calendar that refreshes the
 * feed moves an extended deadline instead of adding a second event.
 */

const escapeText = (text: string) =>
  text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
const basic = (instant: string | Date) =>
  new Date(instant)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** Folds a content line at 75 octets, as RFC 5545 section 3.1 requires. */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  for (const char of line) {
    const limit = parts.length === 0 ? 75 : 74;
    if (Buffer.byteLength(current + char, 'utf8') > limit) {
      parts.push(current);
      current = '';
    }
    current += char;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** One task's deadline as an event. */
function event(
  deps: Pick<Ports, 'templates'>,
  task: Task,
  municipality: Municipality,
  stamp: string,
): string[] {
  const template = deps.templates.get(task.templateId, task.templateVersion);
  const { locale } = catalogFor(municipality.locale);
  const definition = template ? findTask(template, task.phase, task.taskKey) : undefined;
  const title = definition?.title[locale] ?? definition?.title.en ?? task.taskKey;
  const policy = policyFor(template, task);
  const end = new Date(new Date(task.dueAt).getTime() + 60 * 60_000);
  return [
    'BEGIN:VEVENT',
    `UID:${task.taskId}@romact`,
    `DTSTAMP:${stamp}`,
    `SEQUENCE:${task.extensions}`,
    `DTSTART:${basic(task.dueAt)}`,
    `DTEND:${basic(end)}`,
    `SUMMARY:${escapeText(`ROMACT: ${title}`)}`,
    `DESCRIPTION:${escapeText(`${municipality.name} · ${task.assignee} · ${task.phase} · ${task.taskId}`)}`,
    'STATUS:CONFIRMED',
    'TRANSP:TRANSPARENT',
    ...policy.remindBefore.flatMap((offset) => [
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(title)}`,
      `TRIGGER:-${offset}`,
      'END:VALARM',
    ]),
    'END:VEVENT',
  ];
}

/** A calendar of task deadlines (the municipality each belongs to names it), RFC 5545 text with CRLF. */
export function icalendar(
  deps: Pick<Ports, 'templates' | 'clock'>,
  name: string,
  timeZone: string,
  tasks: { task: Task; municipality: Municipality }[],
): string {
  const stamp = basic(deps.clock.now());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//ROMACT engine//Planning cycles//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`ROMACT – ${name}`)}`,
    `X-WR-TIMEZONE:${timeZone}`,
    ...tasks.flatMap(({ task, municipality }) => event(deps, task, municipality, stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
