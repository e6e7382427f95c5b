import { describe, expect, it } from 'vitest';
import { fitTwoSegments, isGsm7, smsLength, smsSegments } from '#shared/domain/notifications/sms.ts';

describe('SMS length', () => {
  it('tells GSM-7 text from text that needs UCS-2 (Cyrillic, ș, ő, č)', () => {
    expect(isGsm7('Reminder: "Plan" is due 30 Sep 2027 (3 days left). €')).toBe(true);
    for (const text of ['Напомняне', 'Consultarea comunității', 'határidő', 'Plán č. 1'])
      expect(isGsm7(text), text).toBe(false);
  });

  it('counts extended GSM characters twice', () => {
    expect(smsLength('abc')).toBe(3);
    expect(smsLength('€[]')).toBe(6);
    expect(smsLength('ș€')).toBe(2);
  });

  it('fits 160 GSM-7 or 70 UCS-2 characters in one segment, then 153 or 67 per segment', () => {
    expect(smsSegments('a'.repeat(160))).toBe(1);
    expect(smsSegments('a'.repeat(161))).toBe(2);
    expect(smsSegments('a'.repeat(306))).toBe(2);
    expect(smsSegments('a'.repeat(307))).toBe(3);
    expect(smsSegments('я'.repeat(70))).toBe(1);
    expect(smsSegments('я'.repeat(134))).toBe(2);
    expect(smsSegments('я'.repeat(135))).toBe(3);
  });
});

describe('fitTwoSegments', () => {
  it('leaves a text that fits as it is', () => {
    expect(fitTwoSegments('a'.repeat(306))).toBe('a'.repeat(306));
  });

  it('shortens a longer one, with an ellipsis, to two segments', () => {
    for (const text of [`${'word '.repeat(100)}`, 'Напомняне за задачата '.repeat(20)]) {
      const fitted = fitTwoSegments(text);
      expect(smsSegments(fitted)).toBe(2);
      expect(fitted.endsWith('…')).toBe(true);
      expect(text.startsWith(fitted.slice(0, -1))).toBe(true);
    }
  });
});
