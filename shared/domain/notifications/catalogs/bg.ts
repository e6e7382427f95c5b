import type { Catalog } from './catalog.ts';

export const bg = {
  assigned: 'Нова задача: „{title}“, срок {due}.',
  reminder: 'Напомняне: „{title}“ е със срок {due} (остават {days} дни).',
  overdue: 'Просрочено: „{title}“ беше със срок {due}.',
  escalated: 'Ескалация: {municipality} не е изпълнила „{title}“ (срок {due}, закъснение {days} дни).',
  digest: '{count} задачи изискват внимание:',
  subject: 'ROMACT · {municipality}',
  footer: 'Отворете ROMACT, за да видите и изпълните задачите си.',
} satisfies Catalog;
