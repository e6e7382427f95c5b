import type { Catalog } from './catalog.ts';

export const bg = {
  assigned: 'Нова задача: „{title}“, срок {due}.',
  reminder: {
    one: 'Напомняне: „{title}“ е със срок {due} (остава {days} ден).',
    other: 'Напомняне: „{title}“ е със срок {due} (остават {days} дни).',
  },
  overdue: 'Просрочено: „{title}“ беше със срок {due}.',
  escalated: {
    one: 'Ескалация: {municipality} не е изпълнила „{title}“ (срок {due}, закъснение {days} ден).',
    other: 'Ескалация: {municipality} не е изпълнила „{title}“ (срок {due}, закъснение {days} дни).',
  },
  digest: { one: '{count} задача изисква внимание:', other: '{count} задачи изискват внимание:' },
  subject: 'ROMACT · {municipality}',
  footer: 'Отворете ROMACT, за да видите и изпълните задачите си.',
  stallTask: 'Възобновете или прекратете спрелия цикъл: {title}',
} satisfies Catalog;
