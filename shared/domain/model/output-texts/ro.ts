import type { OutputTexts } from './en.ts';
import { processRo } from './process/ro.ts';

/** The output texts in Romanian. */
export const ro = {
  'needs-assessment': {
    title: 'Evaluarea nevoilor',
    description:
      'De ce au cea mai mare nevoie cartierele de romi, după evaluarea primăriei împreună cu Grupul de Acțiune Comunitară.',
  },
  'needs-assessment.priorities': {
    title: 'Priorități',
    description: 'Domeniile în care trebuie acționat mai întâi, fiecare cu ce este necesar.',
  },
  'needs-assessment.priority': { title: 'Prioritate' },
  'needs-assessment.priority.area': { title: 'Domeniu' },
  'needs-assessment.priority.description': {
    title: 'Ce este necesar',
    examples: ['Legalizarea și repararea locuințelor de pe malul râului'],
  },
  'needs-assessment.neighbourhoods': {
    title: 'Cartiere',
    description: 'Cartierele de romi pe care le cuprinde evaluarea.',
  },
  'needs-assessment.neighbourhood': { title: 'Cartier' },
  'needs-assessment.summary': {
    title: 'Rezumat',
    examples: ['Mai întâi locuințele și actele de identitate.'],
  },

  'community-consultation': {
    title: 'Consultarea comunității',
    description: 'Întâlnirile în care comunitatea a discutat nevoile și prioritățile convenite.',
  },
  'community-consultation.meetings': { title: 'Întâlniri' },
  'community-consultation.meeting': { title: 'Întâlnire' },
  'community-consultation.meeting.date': { title: 'Data întâlnirii' },
  'community-consultation.meeting.participants': {
    title: 'Participanți',
    description: 'Câte persoane au participat.',
  },
  'community-consultation.meeting.cagMembersPresent': {
    title: 'Membri GAC prezenți',
    description: 'Câți membri ai Grupului de Acțiune Comunitară au participat. Șablonul stabilește un minim.',
  },
  'community-consultation.agreedPriorities': { title: 'Priorități convenite' },
  'community-consultation.agreedPriority': { title: 'Prioritate', examples: ['Locuințe'] },
  'community-consultation.minutesReference': {
    title: 'Numărul procesului-verbal',
    description: 'Unde sunt înregistrate procesele-verbale ale întâlnirilor.',
  },

  'approval-decision': {
    title: 'Decizie',
    description:
      'Aprobați, sau respingeți și spuneți de ce: o respingere trimite planul înapoi spre revizuire.',
  },
  'approval-decision.decision': {
    title: 'Decizie',
    description: '„approve” (aprob) sau „reject” (resping).',
  },
  'approval-decision.reason': {
    title: 'Motiv',
    description: 'De ce este respins planul. Obligatoriu la respingere.',
    examples: ['Planul omite actele de identitate.'],
  },
  'approval-decision.decisionReference': {
    title: 'Numărul deciziei',
    description: 'Numărul hotărârii consiliului local sau al procesului-verbal al GAC.',
  },
  'approval-decision.decidedOn': { title: 'Data deciziei' },

  'funding-applications': {
    title: 'Cereri de finanțare',
    description: 'Cererile depuse pentru finanțarea planului de acțiune, sau de ce nu s-a depus niciuna.',
  },
  'funding-applications.applications': { title: 'Cereri' },
  'funding-applications.application': { title: 'Cerere' },
  'funding-applications.application.programme': { title: 'Program' },
  'funding-applications.application.callId': { title: 'Apel de proiecte' },
  'funding-applications.application.title': {
    title: 'Titlul proiectului',
    examples: ['Locuințe pentru toți'],
  },
  'funding-applications.application.amount': { title: 'Suma' },
  'funding-applications.application.currency': {
    title: 'Moneda',
    description: 'Un cod ISO 4217 din trei litere.',
  },
  'funding-applications.application.submittedOn': { title: 'Data depunerii' },
  'funding-applications.application.reference': { title: 'Numărul cererii' },
  'funding-applications.noApplicationReason': {
    title: 'De ce nu s-a depus nimic',
    description: 'Obligatoriu când nu există cereri.',
    examples: ['Anul acesta nu a fost deschis niciun apel pentru locuințe.'],
  },

  'monitoring-report': {
    title: 'Raport de monitorizare',
    description: 'Ce a realizat planul de acțiune și dacă primăria începe un nou ciclu.',
  },
  'monitoring-report.indicators': { title: 'Indicatori' },
  'monitoring-report.indicator': { title: 'Indicator' },
  'monitoring-report.indicator.priority': { title: 'Prioritate', examples: ['Locuințe'] },
  'monitoring-report.indicator.indicator': { title: 'Indicator', examples: ['Locuințe reparate'] },
  'monitoring-report.indicator.baseline': { title: 'Valoare de pornire' },
  'monitoring-report.indicator.target': { title: 'Țintă' },
  'monitoring-report.indicator.achieved': { title: 'Realizat' },
  'monitoring-report.outcome': {
    title: 'Ce urmează',
    description: '„next-cycle” începe următorul ciclu de planificare; „close” încheie programul aici.',
  },

  'self-assessment': {
    title: 'Autoevaluare',
    description: 'Ce face bine primăria pentru locuitorii săi romi și ce lipsește.',
  },
  'self-assessment.strengths': { title: 'Puncte tari' },
  'self-assessment.strength': {
    title: 'Punct tare',
    examples: ['Un Grup de Acțiune Comunitară activ, care se întrunește lunar'],
  },
  'self-assessment.gaps': { title: 'Lipsuri' },
  'self-assessment.gap': { title: 'Lipsă', examples: ['Nicio linie bugetară pentru planul de acțiune'] },

  'visit-report': {
    title: 'Raportul vizitei',
    description: 'Ce a constatat vizita și ce ar trebui să facă primăria în continuare.',
  },
  'visit-report.visitedOn': { title: 'Data vizitei' },
  'visit-report.recommendations': { title: 'Recomandări' },
  'visit-report.recommendation': {
    title: 'Recomandare',
    examples: ['Introduceți o linie bugetară pentru planul de acțiune în bugetul de anul viitor'],
  },

  'stall-resolution': {
    title: 'Reluarea sau anularea ciclului blocat',
    description: 'O sarcină și-a depășit termenul. Dați-i un nou termen sau încheiați ciclul.',
  },
  'stall-resolution.resume': { title: 'Reluare cu un nou termen' },
  'stall-resolution.resume.action': { title: 'Acțiune' },
  'stall-resolution.resume.dueAt': {
    title: 'Termen nou',
    description: 'O dată (sfârșitul acelei zile acolo unde este primăria) sau un moment exact; în viitor.',
  },
  'stall-resolution.cancel': { title: 'Anularea ciclului' },
  'stall-resolution.cancel.action': { title: 'Acțiune' },
  'stall-resolution.cancel.reason': { title: 'Motiv', examples: ['Primăria a părăsit programul.'] },
  ...processRo,
} satisfies OutputTexts;
