import { describe, expect, it } from 'vitest';
import { locales } from '#shared/domain/model/roles.ts';
import { fillPeople, peopleCatalogs } from '#shared/domain/notifications/catalogs/people.ts';
import { renderDelivery } from '#shared/domain/notifications/digest.ts';
import { isGsm7, smsSegments } from '#shared/domain/notifications/sms.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe('people messages', () => {
  it.each(locales)('%s words every message English has, with the same placeholders', (locale) => {
    const catalog = peopleCatalogs[locale];
    for (const key of [
      'signInSubject',
      'signInCode',
      'invitationSubject',
      'invitation',
      'assistedEntry',
    ] as const) {
      expect(catalog[key].trim(), `${locale}.${key}`).toBeTruthy();
      expect(placeholders(catalog[key]), `${locale}.${key}`).toEqual(placeholders(peopleCatalogs.en[key]));
    }
    expect(Object.keys(catalog.roles).sort()).toEqual(['cag', 'coordinator', 'municipality']);
  });

  it.each(locales)('%s: a sign-in code by SMS fits two segments', (locale) => {
    const text = fillPeople(peopleCatalogs[locale].signInCode, { code: '123456', minutes: 10 });
    expect(text).toContain('123456');
    expect(smsSegments(text), `${locale} (${isGsm7(text) ? 'GSM-7' : 'UCS-2'}): ${text}`).toBeLessThanOrEqual(
      2,
    );
  });

  it.each(locales)(
    '%s: an assisted-entry SMS keeps the days to object and a whole link, in two segments',
    (locale) => {
      const link = 'https://romact.example.org/t/AbCdE_12-z';
      const text = fillPeople(peopleCatalogs[locale].assistedEntry, {
        by: 'Elena Petrova-Ivanova',
        task: 'Запишете консултацията с общността и протокола от срещата',
        municipality: 'Plovdiv – Stolipinovo',
        days: 3,
      });
      const { text: sms } = renderDelivery([
        {
          messageId: 'msg-1',
          userId: 'usr-1',
          channel: 'sms',
          role: 'cag',
          locale,
          municipalityId: 'bg-stolipinovo',
          municipalityName: 'Plovdiv – Stolipinovo',
          country: 'BG',
          cycleIds: [],
          taskIds: [],
          notificationIds: [],
          kinds: ['entered-on-behalf'],
          text,
          link,
          createdAt: '2027-01-04T09:00:00.000Z',
          sendAfter: '2027-01-04T09:00:00.000Z',
          status: 'PENDING',
        },
      ]);
      expect(smsSegments(sms)).toBeLessThanOrEqual(2);
      expect(sms).toMatch(/\b3\b/);
      expect(sms.endsWith(link)).toBe(true);
      expect(sms.match(/ROMACT/g)).toHaveLength(1);
    },
  );

  it('fills every placeholder it is given and leaves the others visible', () => {
    expect(fillPeople('{code} in {minutes} ({unknown})', { code: '000123', minutes: 10 })).toBe(
      '000123 in 10 ({unknown})',
    );
  });
});
