import type { Catalog } from './catalog.ts';

export const sk = {
  assigned: 'Nová úloha: „{title}“, termín {due}.',
  reminder: 'Pripomienka: „{title}“ má termín {due} (zostáva {days} dní).',
  overdue: 'Po termíne: „{title}“ mala termín {due}.',
  escalated: 'Eskalácia: {municipality} nesplnila „{title}“ (termín {due}, meškanie {days} dní).',
  digest: '{count} úloh vyžaduje pozornosť:',
  subject: 'ROMACT · {municipality}',
  footer: 'Otvorte ROMACT, aby ste videli a splnili svoje úlohy.',
} satisfies Catalog;
