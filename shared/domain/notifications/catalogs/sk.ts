import type { Catalog } from './catalog.ts';

// Slovak: "1 deň" (one), "2 dni" (2-4: few), "0 dní", "5 dní", "21 dní" (other).
export const sk = {
  assigned: 'Nová úloha: „{title}“, termín {due}.',
  reminder: {
    one: 'Pripomienka: „{title}“ má termín {due} (zostáva {days} deň).',
    few: 'Pripomienka: „{title}“ má termín {due} (zostávajú {days} dni).',
    other: 'Pripomienka: „{title}“ má termín {due} (zostáva {days} dní).',
  },
  overdue: 'Po termíne: „{title}“ mala termín {due}.',
  escalated: {
    one: 'Eskalácia: {municipality} nesplnila „{title}“ (termín {due}, meškanie {days} deň).',
    few: 'Eskalácia: {municipality} nesplnila „{title}“ (termín {due}, meškanie {days} dni).',
    other: 'Eskalácia: {municipality} nesplnila „{title}“ (termín {due}, meškanie {days} dní).',
  },
  digest: {
    one: '{count} úloha vyžaduje pozornosť:',
    few: '{count} úlohy vyžadujú pozornosť:',
    other: '{count} úloh vyžaduje pozornosť:',
  },
  subject: 'ROMACT · {municipality}',
  footer: 'Otvorte ROMACT, aby ste videli a splnili svoje úlohy.',
  stallTask: 'Obnovte alebo zrušte zastavený cyklus: {title}',
} satisfies Catalog;
