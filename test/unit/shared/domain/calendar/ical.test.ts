import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { icalendar } from '#shared/domain/calendar/ical.ts';
import { manualClock } from '#shared/domain/clock.ts';
import type { Task } from '#shared/domain/model/task.ts';
import { builtInCatalog } from '#workflows/templates/index.ts';
import { municipalityFixture } from '../../../../support/unit-ports.ts';

const deps = { templates: builtInCatalog, clock: manualClock(new Date('2027-01-04T09:00:00.000Z')) };
const task = {
  taskId: 'cyc-0123456789abcdef0123.needs-assessment.r0',
  cycleId: 'cyc-0123456789abcdef0123',
  templateId: 'romact-core',
  municipalityId: 'bg-stolipinovo',
  country: 'BG',
  phase: 'assessment',
  taskKey: 'needs-assessment',
  revision: 0,
  kind: 'task',
  assignee: 'municipality',
  output: 'needs-assessment',
  status: 'OPEN',
  dueAt: '2027-03-05T21:59:59.999Z',
  hardStopAt: '2027-04-05T21:59:59.999Z',
  openedAt: '2027-01-04T09:00:00.000Z',
  tokenDelivered: false,
  extensions: 2,
  version: 1,
} as Task;

const parse = (text: string) => new ICAL.Component(ICAL.parse(text));

describe('icalendar', () => {
  it('makes one event per deadline with a stable UID, a sequence counting extensions, and the due instant', () => {
    const text = icalendar(deps, 'Ana', 'Europe/Sofia', [
      { task, municipality: municipalityFixture({ locale: 'en' }) },
    ]);
    const calendar = parse(text);
    const [event] = calendar.getAllSubcomponents('vevent');
    expect(event?.getFirstPropertyValue('uid')).toBe(`${task.taskId}@romact`);
    expect(event?.getFirstPropertyValue('sequence')).toBe(2);
    expect(new ICAL.Event(event).startDate.toJSDate().toISOString()).toBe('2027-03-05T21:59:59.000Z');
    expect(new ICAL.Event(event).summary).toBe('ROMACT: Submit the needs assessment');
    expect(calendar.getFirstPropertyValue('x-wr-timezone')).toBe('Europe/Sofia');
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('ROMACT – Ana');
  });

  it('titles an event in the municipality’s language, and alarms match the reminder policy', () => {
    const text = icalendar(deps, 'Ana', 'Europe/Sofia', [{ task, municipality: municipalityFixture() }]);
    const [event] = parse(text).getAllSubcomponents('vevent');
    expect(new ICAL.Event(event).summary).toBe('ROMACT: Подайте оценката на нуждите');
    const alarms = event?.getAllSubcomponents('valarm') ?? [];
    expect(alarms.length).toBeGreaterThan(0);
    for (const alarm of alarms) expect(String(alarm.getFirstPropertyValue('trigger'))).toMatch(/^-P/);
  });

  it('escapes text and folds long lines at 75 octets with CRLF, as RFC 5545 says', () => {
    const municipality = municipalityFixture({
      name: `Пловдив; Столипиново, "ромски" квартал – ${'много дълго име '.repeat(5)}`,
    });
    const text = icalendar(deps, 'Ana, Maria; Ivan', 'Europe/Sofia', [{ task, municipality }]);
    for (const line of text.split('\r\n'))
      expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
    const calendar = parse(text);
    const description = calendar.getFirstSubcomponent('vevent')?.getFirstPropertyValue('description');
    expect(String(description)).toContain(municipality.name);
  });

  it('is an empty calendar when nothing is due', () => {
    expect(parse(icalendar(deps, 'Ana', 'UTC', [])).getAllSubcomponents('vevent')).toEqual([]);
  });
});
