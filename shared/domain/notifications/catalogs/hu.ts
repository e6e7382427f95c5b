import type { Catalog } from './catalog.ts';

export const hu = {
  assigned: 'Új feladat: „{title}”, határidő: {due}.',
  reminder: 'Emlékeztető: „{title}” határideje {due} (még {days} nap).',
  overdue: 'Lejárt határidő: „{title}” határideje {due} volt.',
  escalated: 'Eszkaláció: {municipality} nem teljesítette: „{title}” (határidő {due}, {days} nap késés).',
  digest: '{count} feladat vár figyelmet:',
  subject: 'ROMACT · {municipality}',
  footer: 'Nyissa meg a ROMACT rendszert a feladatok megtekintéséhez és teljesítéséhez.',
} satisfies Catalog;
