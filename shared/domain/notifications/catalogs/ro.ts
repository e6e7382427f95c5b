import type { Catalog } from './catalog.ts';

export const ro = {
  assigned: 'Sarcină nouă: „{title}”, termen {due}.',
  reminder: 'Memento: „{title}” are termen {due} (mai sunt {days} zile).',
  overdue: 'Termen depășit: „{title}” avea termen {due}.',
  escalated: 'Escaladare: {municipality} nu a finalizat „{title}” (termen {due}, întârziere {days} zile).',
  digest: '{count} sarcini necesită atenție:',
  subject: 'ROMACT · {municipality}',
  footer: 'Deschideți ROMACT pentru a vedea și finaliza sarcinile.',
} satisfies Catalog;
