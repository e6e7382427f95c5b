import { describe, expect, it } from 'vitest';
import type { Municipality } from '#shared/domain/model/municipality.ts';
import type { Locale } from '#shared/domain/model/roles.ts';
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

/** A catalogue entry's sentences: the sentence itself, or each of its plural forms. */
const sentences = (entry: unknown): string[] =>
  typeof entry === 'string' ? [entry] : Object.values(entry as Record<string, string>);
const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('Message catalogues', () => {
  it.each(locales)('%s has every key of the English catalogue, with the same placeholders', (locale) => {
    const catalog = catalogs[locale] as unknown as Record<string, unknown>;
    for (const [key, english] of Object.entries(catalogs.en as unknown as Record<string, unknown>)) {
      expect(catalog[key], `${locale}.${key}`).toBeTruthy();
      const expected = placeholders(sentences(english)[0] ?? '');
      for (const sentence of sentences(catalog[key]))
        expect(placeholders(sentence), `${locale}.${key}: ${sentence}`).toEqual(expected);
    }
  });

  it.each(locales)(
    '%s has a form for every plural category a whole number takes in it, and no other',
    (locale) => {
      const rules = new Intl.PluralRules(locale);
      const needed = new Set(Array.from({ length: 1_001 }, (_, count) => rules.select(count)));
      for (const key of ['reminder', 'escalated', 'digest'] as const) {
        expect(Object.keys(catalogs[locale]?.[key] ?? {}).sort(), `${locale}.${key}`).toEqual(
          [...needed].sort(),
        );
      }
    },
  );
});

describe('Plurals agree with the number, in every language', () => {
  const title = { en: 'Plan', bg: 'План', hu: 'Terv', it: 'Piano', ro: 'Plan', sk: 'Plán' };
  const dueAt = '2027-09-30T20:59:59.999Z';
  const sofia = { ...municipality, name: 'Sliven', timeZone: 'Europe/Sofia' };
  const first = (kind: 'reminder' | 'escalated', locale: Locale, days: number) => {
    const now = new Date(new Date(dueAt).getTime() + (kind === 'reminder' ? -days : days) * 86_400_000);
    const [email] = composeMessages(
      [
        {
          notificationId: 'n-1',
          moment: { ...momentOf(kind), kind } as never,
          task: { ...task, dueAt },
          title,
        },
      ],
      { role: 'municipality', contact: { email: 'a@b.bg', locale } },
      sofia,
      now,
    );
    return email?.text.split('\n')[0];
  };
  const digest = (locale: Locale, count: number) => {
    const items = Array.from({ length: count }, (_, index) => ({
      notificationId: `n-${index}`,
      moment: momentOf('overdue') as never,
      task: { ...task, dueAt },
      title,
    }));
    const [email] = composeMessages(
      items,
      { role: 'municipality', contact: { email: 'a@b.bg', locale } },
      sofia,
      new Date(dueAt),
    );
    return email?.text.split('\n')[0];
  };

  const reminders: Record<(typeof locales)[number], string[]> = {
    en: [
      'Reminder: "Plan" is due Sep 30, 2027 (0 days left).',
      'Reminder: "Plan" is due Sep 30, 2027 (1 day left).',
      'Reminder: "Plan" is due Sep 30, 2027 (2 days left).',
      'Reminder: "Plan" is due Sep 30, 2027 (5 days left).',
      'Reminder: "Plan" is due Sep 30, 2027 (21 days left).',
    ],
    bg: [
      'Напомняне: „План“ е със срок 30.09.2027 г. (остават 0 дни).',
      'Напомняне: „План“ е със срок 30.09.2027 г. (остава 1 ден).',
      'Напомняне: „План“ е със срок 30.09.2027 г. (остават 2 дни).',
      'Напомняне: „План“ е със срок 30.09.2027 г. (остават 5 дни).',
      'Напомняне: „План“ е със срок 30.09.2027 г. (остават 21 дни).',
    ],
    hu: [
      'Emlékeztető: „Terv” határideje 2027. szept. 30. (még 0 nap).',
      'Emlékeztető: „Terv” határideje 2027. szept. 30. (még 1 nap).',
      'Emlékeztető: „Terv” határideje 2027. szept. 30. (még 2 nap).',
      'Emlékeztető: „Terv” határideje 2027. szept. 30. (még 5 nap).',
      'Emlékeztető: „Terv” határideje 2027. szept. 30. (még 21 nap).',
    ],
    it: [
      'Promemoria: «Piano» scade il 30 set 2027 (mancano 0 giorni).',
      'Promemoria: «Piano» scade il 30 set 2027 (manca 1 giorno).',
      'Promemoria: «Piano» scade il 30 set 2027 (mancano 2 giorni).',
      'Promemoria: «Piano» scade il 30 set 2027 (mancano 5 giorni).',
      'Promemoria: «Piano» scade il 30 set 2027 (mancano 21 giorni).',
    ],
    ro: [
      'Memento: „Plan” are termen 30 sept. 2027 (mai sunt 0 zile).',
      'Memento: „Plan” are termen 30 sept. 2027 (mai este 1 zi).',
      'Memento: „Plan” are termen 30 sept. 2027 (mai sunt 2 zile).',
      'Memento: „Plan” are termen 30 sept. 2027 (mai sunt 5 zile).',
      'Memento: „Plan” are termen 30 sept. 2027 (mai sunt 21 de zile).',
    ],
    sk: [
      'Pripomienka: „Plán“ má termín 30. 9. 2027 (zostáva 0 dní).',
      'Pripomienka: „Plán“ má termín 30. 9. 2027 (zostáva 1 deň).',
      'Pripomienka: „Plán“ má termín 30. 9. 2027 (zostávajú 2 dni).',
      'Pripomienka: „Plán“ má termín 30. 9. 2027 (zostáva 5 dní).',
      'Pripomienka: „Plán“ má termín 30. 9. 2027 (zostáva 21 dní).',
    ],
  };
  const escalations: Record<(typeof locales)[number], string[]> = {
    en: [
      'Escalation: Sliven has not completed "Plan" (due Sep 30, 2027, 0 days late).',
      'Escalation: Sliven has not completed "Plan" (due Sep 30, 2027, 1 day late).',
      'Escalation: Sliven has not completed "Plan" (due Sep 30, 2027, 2 days late).',
      'Escalation: Sliven has not completed "Plan" (due Sep 30, 2027, 5 days late).',
      'Escalation: Sliven has not completed "Plan" (due Sep 30, 2027, 21 days late).',
    ],
    bg: [
      'Ескалация: Sliven не е изпълнила „План“ (срок 30.09.2027 г., закъснение 0 дни).',
      'Ескалация: Sliven не е изпълнила „План“ (срок 30.09.2027 г., закъснение 1 ден).',
      'Ескалация: Sliven не е изпълнила „План“ (срок 30.09.2027 г., закъснение 2 дни).',
      'Ескалация: Sliven не е изпълнила „План“ (срок 30.09.2027 г., закъснение 5 дни).',
      'Ескалация: Sliven не е изпълнила „План“ (срок 30.09.2027 г., закъснение 21 дни).',
    ],
    hu: [
      'Eszkaláció: Sliven nem teljesítette: „Terv” (határidő 2027. szept. 30., 0 nap késés).',
      'Eszkaláció: Sliven nem teljesítette: „Terv” (határidő 2027. szept. 30., 1 nap késés).',
      'Eszkaláció: Sliven nem teljesítette: „Terv” (határidő 2027. szept. 30., 2 nap késés).',
      'Eszkaláció: Sliven nem teljesítette: „Terv” (határidő 2027. szept. 30., 5 nap késés).',
      'Eszkaláció: Sliven nem teljesítette: „Terv” (határidő 2027. szept. 30., 21 nap késés).',
    ],
    it: [
      'Segnalazione: Sliven non ha completato «Piano» (scadenza 30 set 2027, 0 giorni di ritardo).',
      'Segnalazione: Sliven non ha completato «Piano» (scadenza 30 set 2027, 1 giorno di ritardo).',
      'Segnalazione: Sliven non ha completato «Piano» (scadenza 30 set 2027, 2 giorni di ritardo).',
      'Segnalazione: Sliven non ha completato «Piano» (scadenza 30 set 2027, 5 giorni di ritardo).',
      'Segnalazione: Sliven non ha completato «Piano» (scadenza 30 set 2027, 21 giorni di ritardo).',
    ],
    ro: [
      'Escaladare: Sliven nu a finalizat „Plan” (termen 30 sept. 2027, întârziere 0 zile).',
      'Escaladare: Sliven nu a finalizat „Plan” (termen 30 sept. 2027, întârziere 1 zi).',
      'Escaladare: Sliven nu a finalizat „Plan” (termen 30 sept. 2027, întârziere 2 zile).',
      'Escaladare: Sliven nu a finalizat „Plan” (termen 30 sept. 2027, întârziere 5 zile).',
      'Escaladare: Sliven nu a finalizat „Plan” (termen 30 sept. 2027, întârziere 21 de zile).',
    ],
    sk: [
      'Eskalácia: Sliven nesplnila „Plán“ (termín 30. 9. 2027, meškanie 0 dní).',
      'Eskalácia: Sliven nesplnila „Plán“ (termín 30. 9. 2027, meškanie 1 deň).',
      'Eskalácia: Sliven nesplnila „Plán“ (termín 30. 9. 2027, meškanie 2 dni).',
      'Eskalácia: Sliven nesplnila „Plán“ (termín 30. 9. 2027, meškanie 5 dní).',
      'Eskalácia: Sliven nesplnila „Plán“ (termín 30. 9. 2027, meškanie 21 dní).',
    ],
  };
  // A digest lists two or more notifications.
  const digests: Record<(typeof locales)[number], string[]> = {
    en: ['2 tasks need your attention:', '5 tasks need your attention:', '21 tasks need your attention:'],
    bg: ['2 задачи изискват внимание:', '5 задачи изискват внимание:', '21 задачи изискват внимание:'],
    hu: ['2 feladat vár figyelmet:', '5 feladat vár figyelmet:', '21 feladat vár figyelmet:'],
    it: [
      '2 compiti richiedono attenzione:',
      '5 compiti richiedono attenzione:',
      '21 compiti richiedono attenzione:',
    ],
    ro: ['2 sarcini necesită atenție:', '5 sarcini necesită atenție:', '21 de sarcini necesită atenție:'],
    sk: ['2 úlohy vyžadujú pozornosť:', '5 úloh vyžaduje pozornosť:', '21 úloh vyžaduje pozornosť:'],
  };

  it.each(locales)('%s: a reminder at 0, 1, 2, 5 and 21 days left', (locale) => {
    expect([0, 1, 2, 5, 21].map((days) => first('reminder', locale, days))).toEqual(reminders[locale]);
  });

  it.each(locales)('%s: an escalation at 0, 1, 2, 5 and 21 days late', (locale) => {
    expect([0, 1, 2, 5, 21].map((days) => first('escalated', locale, days))).toEqual(escalations[locale]);
  });

  it.each(locales)('%s: a digest of 2, 5 and 21 notifications', (locale) => {
    expect([2, 5, 21].map((count) => digest(locale, count))).toEqual(digests[locale]);
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
