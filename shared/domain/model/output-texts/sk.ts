import type { OutputTexts } from './en.ts';
import { processSk } from './process/sk.ts';

/** The output texts in Slovak. */
export const sk = {
  'needs-assessment': {
    title: 'Posúdenie potrieb',
    description:
      'Čo rómske štvrte najviac potrebujú podľa posúdenia obce spolu s Komunitnou akčnou skupinou.',
  },
  'needs-assessment.priorities': {
    title: 'Priority',
    description: 'Oblasti, v ktorých treba konať najskôr, a čo je v každej z nich potrebné.',
  },
  'needs-assessment.priority': { title: 'Priorita' },
  'needs-assessment.priority.area': { title: 'Oblasť politiky' },
  'needs-assessment.priority.description': {
    title: 'Čo je potrebné',
    examples: ['Legalizovať a opraviť domy na brehu rieky'],
  },
  'needs-assessment.neighbourhoods': {
    title: 'Štvrte',
    description: 'Rómske štvrte, ktoré posúdenie zahŕňa.',
  },
  'needs-assessment.neighbourhood': { title: 'Štvrť' },
  'needs-assessment.summary': {
    title: 'Zhrnutie',
    examples: ['Najprv bývanie a doklady totožnosti.'],
  },

  'community-consultation': {
    title: 'Konzultácia s komunitou',
    description: 'Stretnutia, na ktorých komunita prediskutovala potreby, a priority, na ktorých sa dohodla.',
  },
  'community-consultation.meetings': { title: 'Stretnutia' },
  'community-consultation.meeting': { title: 'Stretnutie' },
  'community-consultation.meeting.date': { title: 'Dátum stretnutia' },
  'community-consultation.meeting.participants': {
    title: 'Účastníci',
    description: 'Koľko ľudí sa zúčastnilo.',
  },
  'community-consultation.meeting.cagMembersPresent': {
    title: 'Prítomní členovia KAS',
    description: 'Koľko členov Komunitnej akčnej skupiny sa zúčastnilo. Šablóna určuje minimum.',
  },
  'community-consultation.agreedPriorities': { title: 'Dohodnuté priority' },
  'community-consultation.agreedPriority': { title: 'Priorita', examples: ['Bývanie'] },
  'community-consultation.minutesReference': {
    title: 'Číslo zápisnice',
    description: 'Kde sú založené zápisnice zo stretnutí.',
  },

  'approval-decision': {
    title: 'Rozhodnutie',
    description: 'Schváľte, alebo zamietnite a uveďte prečo: zamietnutie vráti plán na prepracovanie.',
  },
  'approval-decision.decision': {
    title: 'Rozhodnutie',
    description: '„approve“ (schvaľujem) alebo „reject“ (zamietam).',
  },
  'approval-decision.reason': {
    title: 'Dôvod',
    description: 'Prečo sa plán zamieta. Pri zamietnutí povinné.',
    examples: ['Plán vynecháva doklady totožnosti.'],
  },
  'approval-decision.decisionReference': {
    title: 'Číslo rozhodnutia',
    description: 'Číslo uznesenia zastupiteľstva alebo zápisnice KAS.',
  },
  'approval-decision.decidedOn': { title: 'Dátum rozhodnutia' },

  'funding-applications': {
    title: 'Žiadosti o financovanie',
    description: 'Žiadosti podané na financovanie akčného plánu, alebo prečo nebola podaná žiadna.',
  },
  'funding-applications.applications': { title: 'Žiadosti' },
  'funding-applications.application': { title: 'Žiadosť' },
  'funding-applications.application.programme': { title: 'Program' },
  'funding-applications.application.callId': { title: 'Výzva' },
  'funding-applications.application.title': { title: 'Názov projektu', examples: ['Domov pre všetkých'] },
  'funding-applications.application.amount': { title: 'Suma' },
  'funding-applications.application.currency': {
    title: 'Mena',
    description: 'Trojpísmenový kód podľa ISO 4217.',
  },
  'funding-applications.application.submittedOn': { title: 'Dátum podania' },
  'funding-applications.application.reference': { title: 'Číslo žiadosti' },
  'funding-applications.noApplicationReason': {
    title: 'Prečo nebolo nič podané',
    description: 'Povinné, ak nie sú žiadne žiadosti.',
    examples: ['Tento rok nebola otvorená žiadna výzva na bývanie.'],
  },

  'monitoring-report': {
    title: 'Monitorovacia správa',
    description: 'Čo akčný plán dosiahol a či obec začína nový cyklus.',
  },
  'monitoring-report.indicators': { title: 'Ukazovatele' },
  'monitoring-report.indicator': { title: 'Ukazovateľ' },
  'monitoring-report.indicator.priority': { title: 'Priorita', examples: ['Bývanie'] },
  'monitoring-report.indicator.indicator': { title: 'Ukazovateľ', examples: ['Opravené domy'] },
  'monitoring-report.indicator.baseline': { title: 'Východisková hodnota' },
  'monitoring-report.indicator.target': { title: 'Cieľová hodnota' },
  'monitoring-report.indicator.achieved': { title: 'Dosiahnuté' },
  'monitoring-report.outcome': {
    title: 'Čo bude ďalej',
    description: '„next-cycle“ začne ďalší plánovací cyklus; „close“ tu program ukončí.',
  },

  'self-assessment': {
    title: 'Sebahodnotenie',
    description: 'Čo obec robí dobre pre svojich rómskych obyvateľov a čo chýba.',
  },
  'self-assessment.strengths': { title: 'Silné stránky' },
  'self-assessment.strength': {
    title: 'Silná stránka',
    examples: ['Aktívna Komunitná akčná skupina, ktorá sa stretáva každý mesiac'],
  },
  'self-assessment.gaps': { title: 'Nedostatky' },
  'self-assessment.gap': { title: 'Nedostatok', examples: ['Žiadna rozpočtová položka na akčný plán'] },

  'visit-report': {
    title: 'Správa z návštevy',
    description: 'Čo návšteva zistila a čo by mala obec urobiť ďalej.',
  },
  'visit-report.visitedOn': { title: 'Dátum návštevy' },
  'visit-report.recommendations': { title: 'Odporúčania' },
  'visit-report.recommendation': {
    title: 'Odporúčanie',
    examples: ['Zaraďte položku na akčný plán do rozpočtu na budúci rok'],
  },

  'stall-resolution': {
    title: 'Obnovenie alebo zrušenie zastaveného cyklu',
    description: 'Úloha je po termíne. Dajte jej nový termín, alebo cyklus ukončite.',
  },
  'stall-resolution.resume': { title: 'Obnoviť s novým termínom' },
  'stall-resolution.resume.action': { title: 'Akcia' },
  'stall-resolution.resume.dueAt': {
    title: 'Nový termín',
    description: 'Dátum (koniec toho dňa tam, kde je obec) alebo presný okamih; v budúcnosti.',
  },
  'stall-resolution.cancel': { title: 'Zrušiť cyklus' },
  'stall-resolution.cancel.action': { title: 'Akcia' },
  'stall-resolution.cancel.reason': { title: 'Dôvod', examples: ['Obec vystúpila z programu.'] },
  ...processSk,
} satisfies OutputTexts;
