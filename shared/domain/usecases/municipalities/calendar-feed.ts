import { NotFoundError } from '../../errors.ts';
import { type Caller, canSeeTenant } from '../../model/caller.ts';
import type { Municipality } from '../../model/municipality.ts';
import type { Task } from '../../model/task.ts';
import { findTask } from '../../model/template.ts';
import { catalogFor } from '../../notifications/catalogs/index.ts';
import { policyFor } from '../../notifications/schedule.ts';
import type { Ports } from '../../ports.ts';

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

function event(
  deps: Pick<Ports, 'templates'>,
  task: Task,
  municipality: Municipality,
  stamp: string,
): string[] {
  const template = deps.templates.get(task.templateId);
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

/** The feed of a municipality's open deadlines (municipality and CAG tasks), for those who work with it. */
export async function calendarFeed(
  deps: Pick<Ports, 'municipalities' | 'tasks' | 'templates' | 'clock'>,
  caller: Caller,
  municipalityId: string,
): Promise<string> {
  const municipality = await deps.municipalities.get(municipalityId);
  if (!municipality || !canSeeTenant(caller, municipality))
    throw new NotFoundError(`No municipality ${municipalityId}`);
  const tasks: Task[] = [];
  for (const role of ['municipality', 'cag'] as const) {
    let cursor: string | undefined;
    do {
      const page = await deps.tasks.listOpen(
        { role, municipalityId },
        {
          limit: 100,
          ...(cursor ? { cursor } : {}),
        },
      );
      tasks.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
  }
  const stamp = basic(deps.clock.now());
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//ROMACT engine//Planning cycles//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`ROMACT – ${municipality.name}`)}`,
    `X-WR-TIMEZONE:${municipality.timeZone}`,
    ...tasks.flatMap((task) => event(deps, task, municipality, stamp)),
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
