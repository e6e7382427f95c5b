import type { Catalog } from './catalog.ts';

export const en = {
  assigned: 'New task: "{title}", due {due}.',
  reminder: {
    one: 'Reminder: "{title}" is due {due} ({days} day left).',
    other: 'Reminder: "{title}" is due {due} ({days} days left).',
  },
  overdue: 'Overdue: "{title}" was due {due}.',
  escalated: {
    one: 'Escalation: {municipality} has not completed "{title}" (due {due}, {days} day late).',
    other: 'Escalation: {municipality} has not completed "{title}" (due {due}, {days} days late).',
  },
  digest: { one: '{count} task needs your attention:', other: '{count} tasks need your attention:' },
  subject: 'ROMACT · {municipality}',
  footer: 'Open the ROMACT engine to see and complete your tasks.',
  stallTask: 'Resume or cancel the stalled cycle: {title}',
} satisfies Catalog;
