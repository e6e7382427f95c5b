import { describe, expect, it } from 'vitest';
import type { Municipality } from '#shared/domain/model/municipality.ts';
import type { Task } from '#shared/domain/model/task.ts';
import { catalogs } from '#shared/domain/notifications/catalogs/index.ts';
import { composeMessages } from '#shared/domain/notifications/compose.ts';
import { scheduleFor } from '#shared/domain/notifications/schedule.ts';
import { isGsm7, smsSegments } from '#shared/domain/notifications/sms.ts';
import { romactTemplate } from '#workflows/templates/romact.ts';

const locales = ['en', 'bg', 'hu', 'it', 'ro', 'sk'] as const;
const kinds = ['assigned', 'reminder', 'overdue', 'escalated'] as const;
const municipality: Municipality = {
  municipalityId: 'm-1',
  name: 'Municipality of Hodonín nad Moravou – Roma neighbourhoods',
  country: 'SK',
  locale: 'sk',
  timeZone: 'Europe/Bratislava',
  contacts: { municipality: [], cag: [], coordinator: [] },
  updatedAt: '2027-01-01T00:00:00.000Z',
  version: 1,
};
const longest = romactTemplate.phases
  .flatMap((phase) => phase.tasks)
  .reduce((a, b) => (JSON.stringify(b.title).length > JSON.stringify(a.title).length ? b : a));
const task = {
  taskId: 'cyc-0123456789abcdef0123.council-decision.r2',
  cycleId: 'cyc-0123456789abcdef0123',
  templateId: 'romact',
  municipalityId: 'm-1',
  country: 'SK',
  phase: 'plan-approval',
  taskKey: longest.key,
  revision: 2,
  kind: 'task',
  assignee: 'municipality',
  output: 'approval-decision',
  status: 'OPEN',
  dueAt: '2027-09-30T21:59:59.000Z',
  hardStopAt: '2027-10-30T21:59:59.000Z',
  openedAt: '2027-01-01T09:00:00.000Z',
  tokenDelivered: false,
  extensions: 0,
  version: 1,
} satisfies Task;
const moments = scheduleFor(task, { remindBefore: ['P14D'], escalateAfter: 'P7D' });
const momentOf = (kind: string) => moments.find((moment) => moment.kind === kind) ?? moments[0];

describe('Message catalogues', () => {
  it.each(locales)('%s has every key of the English catalogue, with the same placeholders', (locale) => {
    const catalog = catalogs[locale] as unknown as Record<string, string>;
    for (const [key, english] of Object.entries(catalogs.en as unknown as Record<string, string>)) {
      expect(catalog[key], `${locale}.${key}`).toBeTruthy();
      const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      expect(placeholders(catalog[key] ?? ''), `${locale}.${key}`).toEqual(placeholders(english));
    }
  });
});

describe('SMS fits two segments', () => {
  for (const locale of locales) {
    it.each(kinds)(`${locale}: %s, with the longest task title`, (kind) => {
      const [sms] = composeMessages(
        [{ notificationId: 'n-1', moment: momentOf(kind) as never, task, title: longest.title }],
        { role: 'municipality', contact: { phone: '+421900000000', locale } },
        municipality,
        new Date('2027-09-20T09:00:00.000Z'),
      );
      expect(sms?.channel).toBe('sms');
      const text = sms?.text ?? '';
      expect(smsSegments(text)).toBeLessThanOrEqual(2);
      expect(text.length).toBeLessThanOrEqual(isGsm7(text) ? 306 : 134);
    });
  }

  it('counts Bulgarian Cyrillic as UCS-2 (134 characters in two segments)', () => {
    expect(isGsm7('Напомняне')).toBe(false);
    expect(smsSegments('а'.repeat(134))).toBe(2);
    expect(smsSegments('а'.repeat(135))).toBe(3);
    expect(smsSegments('a'.repeat(306))).toBe(2);
  });

  it('shortens a digest that would not fit rather than sending a third segment', () => {
    const items = Array.from({ length: 6 }, (_, index) => ({
      notificationId: `n-${index}`,
      moment: momentOf('reminder') as never,
      task: { ...task, taskId: `${task.taskId}-${index}` },
      title: longest.title,
    }));
    const [sms] = composeMessages(
      items,
      { role: 'cag', contact: { phone: '+359888000111', locale: 'bg' } },
      municipality,
      new Date('2027-09-20T09:00:00.000Z'),
    );
    expect(smsSegments(sms?.text ?? '')).toBe(2);
    expect(sms?.text.endsWith('…')).toBe(true);
  });
});

describe('Email', () => {
  it('is worded in the recipient’s language with the date in the municipality’s time zone', () => {
    const [email] = composeMessages(
      [{ notificationId: 'n-1', moment: momentOf('overdue') as never, task, title: longest.title }],
      { role: 'municipality', contact: { email: 'a@b.sk', locale: 'sk' } },
      municipality,
      new Date('2027-10-02T09:00:00.000Z'),
    );
    // 21:59:59 UTC on 30 September is 23:59:59 in Bratislava: still the 30th there.
    expect(email?.text).toContain('30. 9. 2027');
    expect(email?.text).toMatch(/^Po termíne:/);
  });

  it('lists several notifications in one digest', () => {
    const items = ['assigned', 'reminder'].map((kind, index) => ({
      notificationId: `n-${index}`,
      moment: momentOf(kind) as never,
      task,
      title: longest.title,
    }));
    const messages = composeMessages(
      items,
      { role: 'municipality', contact: { email: 'a@b.sk', locale: 'en' } },
      municipality,
      new Date('2027-09-20T09:00:00.000Z'),
    );
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text.split('\n')[0]).toBe('2 tasks need your attention:');
    expect(messages[0]?.notificationIds).toEqual(['n-0', 'n-1']);
  });
});
