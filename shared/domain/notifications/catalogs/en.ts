import type { Catalog } from './catalog.ts';

export const en = {
  assigned: 'New task: "{title}", due {due}.',
  reminder: 'Reminder: "{title}" is due {due} ({days} days left).',
  overdue: 'Overdue: "{title}" was due {due}.',
  escalated: 'Escalation: {municipality} has not completed "{title}" (due {due}, {days} days late).',
  digest: '{count} tasks need your attention:',
  subject: 'ROMACT · {municipality}',
  footer: 'Open the ROMACT engine to see and complete your tasks.',
} satisfies Catalog;
