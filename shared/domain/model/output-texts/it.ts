import type { OutputTexts } from './en.ts';
import { processIt } from './process/it.ts';

/** The output texts in Italian. */
export const it = {
  'needs-assessment': {
    title: 'Valutazione dei bisogni',
    description:
      'Di che cosa hanno più bisogno i quartieri rom, secondo la valutazione del comune con il Gruppo di azione comunitaria.',
  },
  'needs-assessment.priorities': {
    title: 'Priorità',
    description: 'Gli ambiti in cui intervenire per primi, ciascuno con ciò che serve.',
  },
  'needs-assessment.priority': { title: 'Priorità' },
  'needs-assessment.priority.area': { title: 'Ambito' },
  'needs-assessment.priority.description': {
    title: 'Che cosa serve',
    examples: ['Regolarizzare e ristrutturare le case lungo il fiume'],
  },
  'needs-assessment.neighbourhoods': {
    title: 'Quartieri',
    description: 'I quartieri rom considerati dalla valutazione.',
  },
  'needs-assessment.neighbourhood': { title: 'Quartiere' },
  'needs-assessment.summary': {
    title: 'Sintesi',
    examples: ['Prima la casa e i documenti d’identità.'],
  },

  'community-consultation': {
    title: 'Consultazione della comunità',
    description: 'Gli incontri in cui la comunità ha discusso i bisogni e le priorità concordate.',
  },
  'community-consultation.meetings': { title: 'Incontri' },
  'community-consultation.meeting': { title: 'Incontro' },
  'community-consultation.meeting.date': { title: 'Data dell’incontro' },
  'community-consultation.meeting.participants': {
    title: 'Partecipanti',
    description: 'Quante persone hanno partecipato.',
  },
  'community-consultation.meeting.cagMembersPresent': {
    title: 'Membri del GAC presenti',
    description:
      'Quanti membri del Gruppo di azione comunitaria hanno partecipato. Il modello fissa un minimo.',
  },
  'community-consultation.agreedPriorities': { title: 'Priorità concordate' },
  'community-consultation.agreedPriority': { title: 'Priorità', examples: ['Casa'] },
  'community-consultation.minutesReference': {
    title: 'Riferimento del verbale',
    description: 'Dove sono archiviati i verbali degli incontri.',
  },

  'approval-decision': {
    title: 'Decisione',
    description: 'Approvare, oppure respingere spiegando perché: un rifiuto rimanda il piano alla revisione.',
  },
  'approval-decision.decision': {
    title: 'Decisione',
    description: '«approve» (approvo) o «reject» (respingo).',
  },
  'approval-decision.reason': {
    title: 'Motivo',
    description: 'Perché il piano viene respinto. Obbligatorio in caso di rifiuto.',
    examples: ['Il piano trascura i documenti d’identità.'],
  },
  'approval-decision.decisionReference': {
    title: 'Riferimento della decisione',
    description: 'Il numero della delibera del consiglio comunale o del verbale del GAC.',
  },
  'approval-decision.decidedOn': { title: 'Data della decisione' },

  'funding-applications': {
    title: 'Domande di finanziamento',
    description:
      'Le domande presentate per finanziare il piano d’azione, o perché non ne è stata presentata nessuna.',
  },
  'funding-applications.applications': { title: 'Domande' },
  'funding-applications.application': { title: 'Domanda' },
  'funding-applications.application.programme': { title: 'Programma' },
  'funding-applications.application.callId': { title: 'Bando' },
  'funding-applications.application.title': {
    title: 'Titolo del progetto',
    examples: ['Una casa per tutti'],
  },
  'funding-applications.application.amount': { title: 'Importo' },
  'funding-applications.application.currency': {
    title: 'Valuta',
    description: 'Un codice ISO 4217 di tre lettere.',
  },
  'funding-applications.application.submittedOn': { title: 'Data di presentazione' },
  'funding-applications.application.reference': { title: 'Riferimento della domanda' },
  'funding-applications.noApplicationReason': {
    title: 'Perché non è stato presentato nulla',
    description: 'Obbligatorio se non ci sono domande.',
    examples: ['Quest’anno non c’era nessun bando aperto per la casa.'],
  },

  'monitoring-report': {
    title: 'Rapporto di monitoraggio',
    description: 'Che cosa ha ottenuto il piano d’azione e se il comune avvia un nuovo ciclo.',
  },
  'monitoring-report.indicators': { title: 'Indicatori' },
  'monitoring-report.indicator': { title: 'Indicatore' },
  'monitoring-report.indicator.priority': { title: 'Priorità', examples: ['Casa'] },
  'monitoring-report.indicator.indicator': { title: 'Indicatore', examples: ['Case ristrutturate'] },
  'monitoring-report.indicator.baseline': { title: 'Valore di partenza' },
  'monitoring-report.indicator.target': { title: 'Obiettivo' },
  'monitoring-report.indicator.achieved': { title: 'Risultato' },
  'monitoring-report.outcome': {
    title: 'Che cosa succede ora',
    description: '«next-cycle» avvia il prossimo ciclo di pianificazione; «close» chiude qui il programma.',
  },

  'self-assessment': {
    title: 'Autovalutazione',
    description: 'Che cosa il comune fa bene per i suoi residenti rom e che cosa manca.',
  },
  'self-assessment.strengths': { title: 'Punti di forza' },
  'self-assessment.strength': {
    title: 'Punto di forza',
    examples: ['Un Gruppo di azione comunitaria attivo che si riunisce ogni mese'],
  },
  'self-assessment.gaps': { title: 'Carenze' },
  'self-assessment.gap': { title: 'Carenza', examples: ['Nessuna voce di bilancio per il piano d’azione'] },

  'visit-report': {
    title: 'Rapporto della visita',
    description: 'Che cosa ha rilevato la visita e che cosa dovrebbe fare ora il comune.',
  },
  'visit-report.visitedOn': { title: 'Data della visita' },
  'visit-report.recommendations': { title: 'Raccomandazioni' },
  'visit-report.recommendation': {
    title: 'Raccomandazione',
    examples: ['Inserire una voce per il piano d’azione nel bilancio del prossimo anno'],
  },

  'stall-resolution': {
    title: 'Riprendere o annullare il ciclo bloccato',
    description: 'Un compito ha superato la scadenza. Dategli una nuova scadenza oppure chiudete il ciclo.',
  },
  'stall-resolution.resume': { title: 'Riprendere con una nuova scadenza' },
  'stall-resolution.resume.action': { title: 'Azione' },
  'stall-resolution.resume.dueAt': {
    title: 'Nuova scadenza',
    description: 'Una data (la fine di quel giorno dove si trova il comune) o un istante; nel futuro.',
  },
  'stall-resolution.cancel': { title: 'Annullare il ciclo' },
  'stall-resolution.cancel.action': { title: 'Azione' },
  'stall-resolution.cancel.reason': { title: 'Motivo', examples: ['Il comune ha lasciato il programma.'] },
  ...processIt,
} satisfies OutputTexts;
