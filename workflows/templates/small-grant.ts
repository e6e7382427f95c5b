import { parseTemplate } from '#shared/domain/model/template.ts';

/**
 * A small grant, co-financed by the municipality: a short cycle whose point is learning to plan together. The
 * CAG proposes, both sides select (a rejection sends the proposal back), the municipality commits its
 * co-financing, the CAG carries it out and reports what it did and learnt.
 */
export const smallGrantTemplate = parseTemplate({
  id: 'small-grant',
  version: 1,
  title: {
    en: 'Small grant',
    bg: 'Малък грант',
    hu: 'Kisprojekt',
    it: 'Piccola sovvenzione',
    ro: 'Grant mic',
    sk: 'Malý grant',
  },
  parameters: {},
  defaults: {
    hardStopAfter: 'P21D',
    chainAfter: 'P300D',
    stallResolution: { due: 'P7D', hardStopAfter: 'P14D' },
    notifications: { remindBefore: ['P7D', 'P1D'], escalateAfter: 'P7D' },
  },
  phases: [
    {
      key: 'proposal',
      kind: 'tasks',
      title: {
        en: 'Proposal',
        bg: 'Предложение',
        hu: 'Javaslat',
        it: 'Proposta',
        ro: 'Propunere',
        sk: 'Návrh',
      },
      tasks: [
        {
          key: 'grant-proposal',
          title: {
            en: 'Propose what the small grant will do',
            bg: 'Предложете какво ще постигне малкият грант',
            hu: 'Javasolja, mit valósítson meg a kisprojekt',
            it: 'Proporre cosa farà la piccola sovvenzione',
            ro: 'Propuneți ce va realiza grantul mic',
            sk: 'Navrhnite, čo malý grant urobí',
          },
          assignee: 'cag',
          due: { after: 'P30D' },
          output: 'grant-proposal',
        },
      ],
    },
    {
      key: 'selection',
      kind: 'approval',
      title: {
        en: 'Joint selection',
        bg: 'Съвместен избор',
        hu: 'Közös kiválasztás',
        it: 'Selezione congiunta',
        ro: 'Selecție comună',
        sk: 'Spoločný výber',
      },
      backTo: 'proposal',
      maxRevisions: 1,
      tasks: [
        {
          key: 'cag-selection',
          title: {
            en: 'Select the proposal for the CAG',
            bg: 'Изберете предложението от името на групата',
            hu: 'Válassza ki a javaslatot az akciócsoport nevében',
            it: 'Selezionare la proposta per il gruppo',
            ro: 'Selectați propunerea din partea grupului',
            sk: 'Vyberte návrh za skupinu',
          },
          assignee: 'cag',
          due: { after: 'P14D' },
          output: 'approval-decision',
        },
        {
          key: 'municipality-selection',
          title: {
            en: 'Select the proposal for the municipality',
            bg: 'Изберете предложението от името на общината',
            hu: 'Válassza ki a javaslatot az önkormányzat nevében',
            it: 'Selezionare la proposta per il comune',
            ro: 'Selectați propunerea din partea primăriei',
            sk: 'Vyberte návrh za obec',
          },
          assignee: 'municipality',
          due: { after: 'P14D' },
          output: 'approval-decision',
        },
      ],
    },
    {
      key: 'co-financing',
      kind: 'tasks',
      title: {
        en: 'Co-financing',
        bg: 'Съфинансиране',
        hu: 'Önrész',
        it: 'Cofinanziamento',
        ro: 'Cofinanțare',
        sk: 'Spolufinancovanie',
      },
      tasks: [
        {
          key: 'co-financing-commitment',
          title: {
            en: 'Commit the municipality’s co-financing',
            bg: 'Поемете съфинансирането от общината',
            hu: 'Vállalja az önkormányzati önrészt',
            it: 'Impegnare il cofinanziamento del comune',
            ro: 'Angajați cofinanțarea primăriei',
            sk: 'Zaviažte spolufinancovanie obce',
          },
          assignee: 'municipality',
          due: { after: 'P21D' },
          output: 'co-financing-commitment',
        },
      ],
    },
    {
      key: 'implementation',
      kind: 'tasks',
      title: {
        en: 'Implementation and report',
        bg: 'Изпълнение и доклад',
        hu: 'Megvalósítás és beszámoló',
        it: 'Attuazione e rapporto',
        ro: 'Implementare și raport',
        sk: 'Realizácia a správa',
      },
      tasks: [
        {
          key: 'grant-report',
          title: {
            en: 'Report what the small grant did and what you learnt',
            bg: 'Докладвайте какво постигна грантът и какво научихте',
            hu: 'Számoljon be a kisprojektről és a tanulságokról',
            it: 'Riferire cosa ha fatto la sovvenzione e cosa avete imparato',
            ro: 'Raportați ce a realizat grantul și ce ați învățat',
            sk: 'Nahláste, čo grant urobil a čo ste sa naučili',
          },
          assignee: 'cag',
          due: { after: 'P120D' },
          output: 'grant-report',
        },
      ],
    },
  ],
});
