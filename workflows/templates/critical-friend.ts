import { parseTemplate } from '#shared/domain/model/template.ts';

/**
 * A short "critical friend" review: the municipality assesses itself, the coordinator visits and writes
 * recommendations, and both local sides accept them. It proves the compiler is general: three phases, a
 * coordinator task, a revision loop to a different phase, and no next cycle.
 */
export const criticalFriendTemplate = parseTemplate({
  id: 'critical-friend',
  version: 1,
  title: {
    en: 'Critical friend review',
    bg: 'Преглед „критичен приятел“',
    hu: '„Kritikus barát” felülvizsgálat',
    it: 'Revisione «amico critico»',
    ro: 'Evaluare „prieten critic”',
    sk: 'Hodnotenie „kritický priateľ“',
  },
  defaults: {
    hardStopAfter: 'P14D',
    chainAfter: 'P300D',
    stallResolution: { due: 'P7D', hardStopAfter: 'P14D' },
    notifications: { remindBefore: ['P7D', 'P1D'], escalateAfter: 'P3D' },
  },
  phases: [
    {
      key: 'self-assessment',
      kind: 'tasks',
      title: {
        en: 'Self-assessment',
        bg: 'Самооценка',
        hu: 'Önértékelés',
        it: 'Autovalutazione',
        ro: 'Autoevaluare',
        sk: 'Sebahodnotenie',
      },
      tasks: [
        {
          key: 'self-assessment',
          title: {
            en: 'Submit the self-assessment',
            bg: 'Подайте самооценката',
            hu: 'Nyújtsa be az önértékelést',
            it: 'Inviare l’autovalutazione',
            ro: 'Trimiteți autoevaluarea',
            sk: 'Predložte sebahodnotenie',
          },
          assignee: 'municipality',
          due: { after: 'P21D' },
          output: 'self-assessment',
        },
      ],
    },
    {
      key: 'peer-visit',
      kind: 'tasks',
      title: {
        en: 'Peer visit',
        bg: 'Партньорско посещение',
        hu: 'Szakmai látogatás',
        it: 'Visita tra pari',
        ro: 'Vizită de evaluare',
        sk: 'Partnerská návšteva',
      },
      tasks: [
        {
          key: 'visit-report',
          title: {
            en: 'Write the visit report and recommendations',
            bg: 'Напишете доклада от посещението и препоръките',
            hu: 'Írja meg a látogatási jelentést és az ajánlásokat',
            it: 'Redigere il rapporto della visita e le raccomandazioni',
            ro: 'Redactați raportul vizitei și recomandările',
            sk: 'Napíšte správu z návštevy a odporúčania',
          },
          assignee: 'coordinator',
          due: { after: 'P30D' },
          output: 'visit-report',
        },
      ],
    },
    {
      key: 'acceptance',
      kind: 'approval',
      title: {
        en: 'Acceptance of recommendations',
        bg: 'Приемане на препоръките',
        hu: 'Az ajánlások elfogadása',
        it: 'Accettazione delle raccomandazioni',
        ro: 'Acceptarea recomandărilor',
        sk: 'Prijatie odporúčaní',
      },
      backTo: 'peer-visit',
      maxRevisions: 1,
      tasks: [
        {
          key: 'municipality-acceptance',
          title: {
            en: 'Accept the recommendations',
            bg: 'Приемете препоръките',
            hu: 'Fogadja el az ajánlásokat',
            it: 'Accettare le raccomandazioni',
            ro: 'Acceptați recomandările',
            sk: 'Prijmite odporúčania',
          },
          assignee: 'municipality',
          due: { after: 'P14D' },
          output: 'approval-decision',
        },
        {
          key: 'cag-acceptance',
          title: {
            en: 'Accept the recommendations (CAG)',
            bg: 'Приемете препоръките (ИГО)',
            hu: 'Fogadja el az ajánlásokat (KAcs)',
            it: 'Accettare le raccomandazioni (GAC)',
            ro: 'Acceptați recomandările (GAC)',
            sk: 'Prijmite odporúčania (KAS)',
          },
          assignee: 'cag',
          due: { after: 'P14D' },
          output: 'approval-decision',
        },
      ],
    },
  ],
});
