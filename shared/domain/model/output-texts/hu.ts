import type { OutputTexts } from './en.ts';
import { processHu } from './process/hu.ts';

/** The output texts in Hungarian. */
export const hu = {
  'needs-assessment': {
    title: 'Szükségletfelmérés',
    description:
      'Mire van a legnagyobb szükségük a roma városrészeknek az önkormányzat és a Közösségi Akciócsoport felmérése szerint.',
  },
  'needs-assessment.priorities': {
    title: 'Prioritások',
    description: 'Azok a szakpolitikai területek, ahol először kell cselekedni, és hogy mire van szükség.',
  },
  'needs-assessment.priority': { title: 'Prioritás' },
  'needs-assessment.priority.area': { title: 'Szakpolitikai terület' },
  'needs-assessment.priority.description': {
    title: 'Mire van szükség',
    examples: ['A folyóparti házak legalizálása és felújítása'],
  },
  'needs-assessment.neighbourhoods': {
    title: 'Városrészek',
    description: 'A felmérésben szereplő roma városrészek.',
  },
  'needs-assessment.neighbourhood': { title: 'Városrész' },
  'needs-assessment.summary': {
    title: 'Összefoglalás',
    examples: ['Először a lakhatás és a személyi okmányok.'],
  },

  'community-consultation': {
    title: 'Közösségi konzultáció',
    description:
      'A találkozók, amelyeken a közösség megvitatta a szükségleteket, és az elfogadott prioritások.',
  },
  'community-consultation.meetings': { title: 'Találkozók' },
  'community-consultation.meeting': { title: 'Találkozó' },
  'community-consultation.meeting.date': { title: 'A találkozó napja' },
  'community-consultation.meeting.participants': {
    title: 'Résztvevők',
    description: 'Hányan vettek részt.',
  },
  'community-consultation.meeting.cagMembersPresent': {
    title: 'Jelen lévő KAcs-tagok',
    description: 'A Közösségi Akciócsoport hány tagja vett részt. A sablon minimumot ír elő.',
  },
  'community-consultation.agreedPriorities': { title: 'Elfogadott prioritások' },
  'community-consultation.agreedPriority': { title: 'Prioritás', examples: ['Lakhatás'] },
  'community-consultation.minutesReference': {
    title: 'A jegyzőkönyv száma',
    description: 'Hol iktatták a találkozók jegyzőkönyveit.',
  },

  'approval-decision': {
    title: 'Döntés',
    description:
      'Hagyja jóvá, vagy utasítsa el és indokolja: az elutasítás átdolgozásra visszaküldi a tervet.',
  },
  'approval-decision.decision': {
    title: 'Döntés',
    description: '„approve” (jóváhagyom) vagy „reject” (elutasítom).',
  },
  'approval-decision.reason': {
    title: 'Indoklás',
    description: 'Miért utasítja el a tervet. Elutasításnál kötelező.',
    examples: ['A terv kihagyja a személyi okmányokat.'],
  },
  'approval-decision.decisionReference': {
    title: 'A határozat száma',
    description: 'A képviselő-testületi határozat vagy a KAcs-jegyzőkönyv száma.',
  },
  'approval-decision.decidedOn': { title: 'A döntés napja' },

  'funding-applications': {
    title: 'Pályázatok',
    description:
      'A cselekvési terv finanszírozására benyújtott pályázatok, vagy hogy miért nem nyújtottak be egyet sem.',
  },
  'funding-applications.applications': { title: 'Pályázatok' },
  'funding-applications.application': { title: 'Pályázat' },
  'funding-applications.application.programme': { title: 'Program' },
  'funding-applications.application.callId': { title: 'Pályázati felhívás' },
  'funding-applications.application.title': { title: 'A projekt címe', examples: ['Otthont mindenkinek'] },
  'funding-applications.application.amount': { title: 'Összeg' },
  'funding-applications.application.currency': {
    title: 'Pénznem',
    description: 'Háromjegyű ISO 4217 kód.',
  },
  'funding-applications.application.submittedOn': { title: 'A benyújtás napja' },
  'funding-applications.application.reference': { title: 'A pályázat azonosítója' },
  'funding-applications.noApplicationReason': {
    title: 'Miért nem nyújtottak be pályázatot',
    description: 'Kötelező, ha nincs pályázat.',
    examples: ['Idén nem volt nyitott lakhatási felhívás.'],
  },

  'monitoring-report': {
    title: 'Monitoringjelentés',
    description: 'Mit ért el a cselekvési terv, és indít-e az önkormányzat új ciklust.',
  },
  'monitoring-report.indicators': { title: 'Mutatók' },
  'monitoring-report.indicator': { title: 'Mutató' },
  'monitoring-report.indicator.priority': { title: 'Prioritás', examples: ['Lakhatás'] },
  'monitoring-report.indicator.indicator': { title: 'Mutató', examples: ['Felújított otthonok'] },
  'monitoring-report.indicator.baseline': { title: 'Kiinduló érték' },
  'monitoring-report.indicator.target': { title: 'Célérték' },
  'monitoring-report.indicator.achieved': { title: 'Elért érték' },
  'monitoring-report.outcome': {
    title: 'A következő lépés',
    description: 'A „next-cycle” elindítja a következő tervezési ciklust; a „close” itt lezárja a programot.',
  },

  'self-assessment': {
    title: 'Önértékelés',
    description: 'Mit tesz jól az önkormányzat roma lakóiért, és mi hiányzik.',
  },
  'self-assessment.strengths': { title: 'Erősségek' },
  'self-assessment.strength': {
    title: 'Erősség',
    examples: ['Aktív Közösségi Akciócsoport, amely havonta ülésezik'],
  },
  'self-assessment.gaps': { title: 'Hiányosságok' },
  'self-assessment.gap': { title: 'Hiányosság', examples: ['Nincs költségvetési sor a cselekvési tervre'] },

  'visit-report': {
    title: 'Látogatási jelentés',
    description: 'Mit tárt fel a látogatás, és mit tegyen ezután az önkormányzat.',
  },
  'visit-report.visitedOn': { title: 'A látogatás napja' },
  'visit-report.recommendations': { title: 'Ajánlások' },
  'visit-report.recommendation': {
    title: 'Ajánlás',
    examples: ['Vegyenek fel költségvetési sort a cselekvési tervre a jövő évi költségvetésbe'],
  },

  'stall-resolution': {
    title: 'Az elakadt ciklus folytatása vagy lezárása',
    description: 'Egy feladat határideje lejárt. Adjon neki új határidőt, vagy zárja le a ciklust.',
  },
  'stall-resolution.resume': { title: 'Folytatás új határidővel' },
  'stall-resolution.resume.action': { title: 'Művelet' },
  'stall-resolution.resume.dueAt': {
    title: 'Új határidő',
    description: 'Egy nap (annak vége az önkormányzat időzónájában) vagy egy időpont; a jövőben.',
  },
  'stall-resolution.cancel': { title: 'A ciklus lezárása' },
  'stall-resolution.cancel.action': { title: 'Művelet' },
  'stall-resolution.cancel.reason': {
    title: 'Indoklás',
    examples: ['Az önkormányzat kilépett a programból.'],
  },
  ...processHu,
} satisfies OutputTexts;
