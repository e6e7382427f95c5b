import type { Catalog } from './catalog.ts';

// Hungarian keeps the noun singular after a number ("1 nap", "5 nap"): both forms read the same.
export const hu = {
  assigned: 'Új feladat: „{title}”, határidő: {due}.',
  reminder: {
    one: 'Emlékeztető: „{title}” határideje {due} (még {days} nap).',
    other: 'Emlékeztető: „{title}” határideje {due} (még {days} nap).',
  },
  overdue: 'Lejárt határidő: „{title}” határideje {due} volt.',
  escalated: {
    one: 'Eszkaláció: {municipality} nem teljesítette: „{title}” (határidő {due}, {days} nap késés).',
    other: 'Eszkaláció: {municipality} nem teljesítette: „{title}” (határidő {due}, {days} nap késés).',
  },
  digest: { one: '{count} feladat vár figyelmet:', other: '{count} feladat vár figyelmet:' },
  subject: 'ROMACT · {municipality}',
  footer: 'Nyissa meg a ROMACT rendszert a feladatok megtekintéséhez és teljesítéséhez.',
  stallTask: 'Folytassa vagy zárja le az elakadt ciklust: {title}',
} satisfies Catalog;
