import { parseTemplate } from '#shared/domain/model/template.ts';

/**
 * The ROMACT cycle as run by the Council of Europe / European Commission programme: the municipality and the
 * Community Action Group (CAG) assess needs, consult the community, jointly approve an action plan, apply for
 * funding and review. Every default can be overridden when a cycle starts.
 */
export const romactTemplate = parseTemplate({
  id: 'romact',
  version: 1,
  title: {
    en: 'ROMACT planning cycle',
    bg: 'Цикъл на планиране ROMACT',
    hu: 'ROMACT tervezési ciklus',
    it: 'Ciclo di pianificazione ROMACT',
    ro: 'Ciclul de planificare ROMACT',
    sk: 'Plánovací cyklus ROMACT',
  },
  parameters: { minCagMembersPresent: 3 },
  defaults: {
    hardStopAfter: 'P30D',
    chainAfter: 'P300D',
    stallResolution: { due: 'P14D', hardStopAfter: 'P30D' },
    notifications: { remindBefore: ['P14D', 'P3D', 'P1D'], escalateAfter: 'P7D' },
  },
  phases: [
    {
      key: 'assessment',
      kind: 'tasks',
      title: {
        en: 'Needs assessment',
        bg: 'Оценка на нуждите',
        hu: 'Szükségletfelmérés',
        it: 'Valutazione dei bisogni',
        ro: 'Evaluarea nevoilor',
        sk: 'Posúdenie potrieb',
      },
      tasks: [
        {
          key: 'needs-assessment',
          title: {
            en: 'Submit the needs assessment',
            bg: 'Подайте оценката на нуждите',
            hu: 'Nyújtsa be a szükségletfelmérést',
            it: 'Inviare la valutazione dei bisogni',
            ro: 'Trimiteți evaluarea nevoilor',
            sk: 'Predložte posúdenie potrieb',
          },
          assignee: 'municipality',
          due: { after: 'P60D' },
          output: 'needs-assessment',
        },
      ],
    },
    {
      key: 'consultation',
      kind: 'tasks',
      title: {
        en: 'Community consultation',
        bg: 'Консултация с общността',
        hu: 'Közösségi konzultáció',
        it: 'Consultazione della comunità',
        ro: 'Consultarea comunității',
        sk: 'Konzultácia s komunitou',
      },
      tasks: [
        {
          key: 'community-consultation',
          title: {
            en: 'Record the community consultation',
            bg: 'Запишете консултацията с общността',
            hu: 'Rögzítse a közösségi konzultációt',
            it: 'Registrare la consultazione della comunità',
            ro: 'Înregistrați consultarea comunității',
            sk: 'Zaznamenajte konzultáciu s komunitou',
          },
          assignee: 'cag',
          due: { after: 'P45D' },
          output: 'community-consultation',
        },
      ],
    },
    {
      key: 'plan-approval',
      kind: 'approval',
      title: {
        en: 'Joint action plan approval',
        bg: 'Съвместно одобрение на плана',
        hu: 'A közös cselekvési terv jóváhagyása',
        it: 'Approvazione congiunta del piano',
        ro: 'Aprobarea comună a planului',
        sk: 'Spoločné schválenie akčného plánu',
      },
      backTo: 'consultation',
      maxRevisions: 2,
      tasks: [
        {
          key: 'cag-endorsement',
          title: {
            en: 'Endorse the joint action plan',
            bg: 'Одобрете съвместния план за действие',
            hu: 'Hagyja jóvá a közös cselekvési tervet',
            it: 'Approvare il piano d’azione congiunto',
            ro: 'Aprobați planul comun de acțiune',
            sk: 'Schváľte spoločný akčný plán',
          },
          assignee: 'cag',
          due: { after: 'P30D' },
          output: 'approval-decision',
        },
        {
          key: 'council-decision',
          title: {
            en: 'Record the council decision on the action plan',
            bg: 'Запишете решението на общинския съвет',
            hu: 'Rögzítse a képviselő-testület határozatát',
            it: 'Registrare la delibera del consiglio comunale',
            ro: 'Înregistrați hotărârea consiliului local',
            sk: 'Zaznamenajte uznesenie zastupiteľstva',
          },
          assignee: 'municipality',
          due: { after: 'P30D' },
          output: 'approval-decision',
        },
      ],
    },
    {
      key: 'funding',
      kind: 'tasks',
      title: {
        en: 'Funding applications',
        bg: 'Кандидатстване за финансиране',
        hu: 'Pályázatok benyújtása',
        it: 'Domande di finanziamento',
        ro: 'Cereri de finanțare',
        sk: 'Žiadosti o financovanie',
      },
      tasks: [
        {
          key: 'funding-applications',
          title: {
            en: 'Submit the funding applications',
            bg: 'Подайте заявленията за финансиране',
            hu: 'Nyújtsa be a pályázatokat',
            it: 'Presentare le domande di finanziamento',
            ro: 'Depuneți cererile de finanțare',
            sk: 'Podajte žiadosti o financovanie',
          },
          assignee: 'municipality',
          due: { after: 'P60D', unlessDate: 'fundingCallClosesAt' },
          output: 'funding-applications',
        },
      ],
    },
    {
      key: 'review',
      kind: 'tasks',
      title: {
        en: 'Monitoring and review',
        bg: 'Мониторинг и преглед',
        hu: 'Nyomon követés és felülvizsgálat',
        it: 'Monitoraggio e revisione',
        ro: 'Monitorizare și evaluare',
        sk: 'Monitorovanie a hodnotenie',
      },
      tasks: [
        {
          key: 'monitoring-report',
          title: {
            en: 'Report on the plan’s results',
            bg: 'Докладвайте резултатите от плана',
            hu: 'Számoljon be a terv eredményeiről',
            it: 'Riferire sui risultati del piano',
            ro: 'Raportați rezultatele planului',
            sk: 'Podajte správu o výsledkoch plánu',
          },
          assignee: 'municipality',
          due: { after: 'P365D' },
          hardStopAfter: 'P60D',
          output: 'monitoring-report',
        },
      ],
    },
  ],
});
