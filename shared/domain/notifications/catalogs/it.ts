import type { Catalog } from './catalog.ts';

export const it = {
  assigned: 'Nuovo compito: «{title}», scadenza {due}.',
  reminder: 'Promemoria: «{title}» scade il {due} (mancano {days} giorni).',
  overdue: 'Scaduto: «{title}» scadeva il {due}.',
  escalated:
    'Segnalazione: {municipality} non ha completato «{title}» (scadenza {due}, {days} giorni di ritardo).',
  digest: '{count} compiti richiedono attenzione:',
  subject: 'ROMACT · {municipality}',
  footer: 'Apri ROMACT per vedere e completare i tuoi compiti.',
} satisfies Catalog;
