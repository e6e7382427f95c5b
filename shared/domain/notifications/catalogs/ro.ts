import type { Catalog } from './catalog.ts';

// Romanian: "1 zi", "2 zile" (0 and 2-19, and 101-119: few), "21 de zile" (20 and up: other).
export const ro = {
  assigned: 'Sarcină nouă: „{title}”, termen {due}.',
  reminder: {
    one: 'Memento: „{title}” are termen {due} (mai este {days} zi).',
    few: 'Memento: „{title}” are termen {due} (mai sunt {days} zile).',
    other: 'Memento: „{title}” are termen {due} (mai sunt {days} de zile).',
  },
  overdue: 'Termen depășit: „{title}” avea termen {due}.',
  escalated: {
    one: 'Escaladare: {municipality} nu a finalizat „{title}” (termen {due}, întârziere {days} zi).',
    few: 'Escaladare: {municipality} nu a finalizat „{title}” (termen {due}, întârziere {days} zile).',
    other: 'Escaladare: {municipality} nu a finalizat „{title}” (termen {due}, întârziere {days} de zile).',
  },
  digest: {
    one: '{count} sarcină necesită atenție:',
    few: '{count} sarcini necesită atenție:',
    other: '{count} de sarcini necesită atenție:',
  },
  subject: 'ROMACT · {municipality}',
  footer: 'Deschideți ROMACT pentru a vedea și finaliza sarcinile.',
  stallTask: 'Reluați sau anulați ciclul blocat: {title}',
} satisfies Catalog;
