import type { Catalog } from './catalog.ts';

export const it = {
  assigned: 'Nuovo compito: «{title}», scadenza {due}.',
  reminder: {
    one: 'Promemoria: «{title}» scade il {due} (manca {days} giorno).',
    other: 'Promemoria: «{title}» scade il {due} (mancano {days} giorni).',
  },
  overdue: 'Scaduto: «{title}» scadeva il {due}.',
  escalated: {
    one: 'Segnalazione: {municipality} non ha completato «{title}» (scadenza {due}, {days} giorno di ritardo).',
    other:
      'Segnalazione: {municipality} non ha completato «{title}» (scadenza {due}, {days} giorni di ritardo).',
  },
  digest: { one: '{count} compito richiede attenzione:', other: '{count} compiti richiedono attenzione:' },
  subject: 'ROMACT · {municipality}',
  footer: 'Apri ROMACT per vedere e completare i tuoi compiti.',
  stallTask: 'Riprendere o annullare il ciclo bloccato: {title}',
} satisfies Catalog;
