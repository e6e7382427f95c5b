import { describe, expect, it } from 'vitest';
import type { Message } from '#shared/domain/model/message.ts';
import { renderDelivery } from '#shared/domain/notifications/digest.ts';
import { isGsm7, smsSegments } from '#shared/domain/notifications/sms.ts';

/** A stored message to one person, as the dispatch hands it to `renderDelivery`. */
function message(overrides: Partial<Message>): Message {
  return {
    messageId: 'msg-1',
    userId: 'usr-1',
    channel: 'sms',
    role: 'coordinator',
    locale: 'en',
    municipalityId: 'bg-sliven',
    country: 'BG',
    cycleIds: ['cyc-1'],
    taskIds: ['cyc-1.needs-assessment.r0'],
    notificationIds: ['ntf-1'],
    kinds: ['escalated'],
    municipalityName: 'Sliven – Nadezhda',
    text: 'Escalation: Sliven – Nadezhda has not completed "Submit the needs assessment" (due Jan 14, 2027, 7 days late).',
    link: 'https://romact.example.org/t/AbCdEfGhIj',
    createdAt: '2027-01-21T09:00:00.000Z',
    sendAfter: '2027-01-21T09:00:00.000Z',
    status: 'SENDING',
    ...overrides,
  };
}

describe('renderDelivery: an SMS keeps its links whole within two segments', () => {
  it('shortens the sentence, not the link, when a UCS-2 character (an en dash) halves the budget', () => {
    const { text, subject } = renderDelivery([message({})]);
    expect(subject).toBeUndefined();
    expect(isGsm7(text)).toBe(false);
    expect(smsSegments(text)).toBeLessThanOrEqual(2);
    expect(text.startsWith('ROMACT: Escalation: Sliven – Nadezhda')).toBe(true);
    expect(text.endsWith(' https://romact.example.org/t/AbCdEfGhIj')).toBe(true);
    expect(text).toContain('…');
  });

  it('keeps a GSM-7 text GSM-7 when it shortens it (no UCS-2 ellipsis)', () => {
    const long = `Reminder: "${'Record the community consultation '.repeat(12).trim()}" is due Feb 18, 2027 (3 days left).`;
    const { text } = renderDelivery([message({ text: long, municipalityName: 'Sliven' })]);
    expect(isGsm7(text)).toBe(true);
    expect(smsSegments(text)).toBe(2);
    expect(text.endsWith('... https://romact.example.org/t/AbCdEfGhIj')).toBe(true);
  });

  it('keeps every link of a digest, shortening the longest sentences first', () => {
    const parts = ['AAAAAAAAAA', 'BBBBBBBBBB', 'CCCCCCCCCC'].map((code, index) =>
      message({
        messageId: `msg-${index}`,
        text: `Overdue task number ${index + 1}: "${'Submit the funding applications '.repeat(index + 1).trim()}".`,
        link: `https://romact.example.org/t/${code}`,
      }),
    );
    const { text } = renderDelivery(parts);
    expect(smsSegments(text)).toBeLessThanOrEqual(2);
    expect(text.startsWith('ROMACT: 3 tasks need your attention:')).toBe(true);
    for (const code of ['AAAAAAAAAA', 'BBBBBBBBBB', 'CCCCCCCCCC'])
      expect(text).toContain(`https://romact.example.org/t/${code}`);
  });

  it('gives a digest whose links cannot all fit one link to the web app, and a start of every sentence', () => {
    const parts = [1, 2, 3, 4].map((index) =>
      message({
        messageId: `msg-${index}`,
        locale: 'bg',
        text: `Просрочена задача ${index}.`,
        link: `https://romact.example.org/t/${String(index).repeat(10)}`,
      }),
    );
    const { text } = renderDelivery(parts);
    expect(smsSegments(text)).toBeLessThanOrEqual(2);
    expect(text).not.toContain('/t/');
    expect(text.endsWith(' https://romact.example.org/')).toBe(true);
    expect(text.match(/Просрочена/g)).toHaveLength(4);
  });

  it('leaves a message that fits as it is', () => {
    const short = message({
      text: 'New task: "Submit the needs assessment", due Mar 5, 2027.',
      municipalityName: 'Sliven',
    });
    expect(renderDelivery([short]).text).toBe(
      'ROMACT: New task: "Submit the needs assessment", due Mar 5, 2027. https://romact.example.org/t/AbCdEfGhIj',
    );
  });

  it('gives an email the whole sentence and link, and a subject naming the municipality', () => {
    const { text, subject } = renderDelivery([
      message({ channel: 'email', link: 'https://romact.example.org/tasks/x' }),
    ]);
    expect(subject).toBe('ROMACT · Sliven – Nadezhda');
    expect(text).toContain('(due Jan 14, 2027, 7 days late).\n  https://romact.example.org/tasks/x');
  });
});
