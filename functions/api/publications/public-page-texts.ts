/** The public page's words in each language of the programme (placeholders in braces). */
export interface PublicPageTexts {
  heading: string;
  intro: string;
  group: string;
  members: string;
  women: string;
  men: string;
  other: string;
  priorities: string;
  actions: string;
  funding: string;
  fundingLine: string;
  indicators: string;
  indicator: string;
  baseline: string;
  target: string;
  achieved: string;
  timeline: string;
  phase: string;
  started: string;
  ended: string;
  running: string;
  noCycle: string;
  none: string;
  language: string;
  notFound: string;
  updated: string;
}

export const publicPageTexts: Record<string, PublicPageTexts> = {
  en: {
    heading: '{name}: Roma inclusion plan',
    intro:
      'The municipality and its Community Action Group publish this page together. It names no one: the group is described in numbers only.',
    group: 'The Community Action Group',
    members: 'Members: {count}',
    women: 'Women',
    men: 'Men',
    other: 'Another answer or not stated',
    priorities: 'Agreed priorities',
    actions: 'Actions of the plan',
    funding: 'Funding applied for',
    fundingLine: '{amount} in {count} applications',
    indicators: 'Indicators',
    indicator: 'Indicator',
    baseline: 'Baseline',
    target: 'Target',
    achieved: 'Achieved',
    timeline: 'Timeline of the planning cycle',
    phase: 'Phase',
    started: 'Started',
    ended: 'Ended',
    running: 'In progress',
    noCycle: 'No planning cycle has started yet.',
    none: 'None yet.',
    language: 'Language',
    notFound: 'This page is not published.',
    updated: 'Last changed {date}.',
  },
  bg: {
    heading: '{name}: план за приобщаване на ромите',
    intro:
      'Общината и нейната Общностна инициативна група публикуват тази страница заедно. Тя не назовава никого: групата е описана само с числа.',
    group: 'Общностната инициативна група',
    members: 'Членове: {count}',
    women: 'Жени',
    men: 'Мъже',
    other: 'Друг отговор или без отговор',
    priorities: 'Договорени приоритети',
    actions: 'Действия по плана',
    funding: 'Кандидатствано финансиране',
    fundingLine: '{amount} в {count} проектни предложения',
    indicators: 'Показатели',
    indicator: 'Показател',
    baseline: 'Начална стойност',
    target: 'Цел',
    achieved: 'Постигнато',
    timeline: 'Ход на цикъла на планиране',
    phase: 'Етап',
    started: 'Начало',
    ended: 'Край',
    running: 'В ход',
    noCycle: 'Все още не е започнал цикъл на планиране.',
    none: 'Все още няма.',
    language: 'Език',
    notFound: 'Тази страница не е публикувана.',
    updated: 'Последна промяна: {date}.',
  },
  hu: {
    heading: '{name}: roma felzárkózási terv',
    intro:
      'Az önkormányzat és a Közösségi Akciócsoport közösen teszi közzé ezt az oldalt. Senkit sem nevez meg: a csoportot csak számok írják le.',
    group: 'A Közösségi Akciócsoport',
    members: 'Tagok: {count}',
    women: 'Nők',
    men: 'Férfiak',
    other: 'Más válasz vagy nem nyilatkozott',
    priorities: 'Elfogadott prioritások',
    actions: 'A terv intézkedései',
    funding: 'Megpályázott támogatás',
    fundingLine: '{amount}, {count} pályázatban',
    indicators: 'Mutatók',
    indicator: 'Mutató',
    baseline: 'Kiinduló érték',
    target: 'Célérték',
    achieved: 'Elért',
    timeline: 'A tervezési ciklus menete',
    phase: 'Szakasz',
    started: 'Kezdete',
    ended: 'Vége',
    running: 'Folyamatban',
    noCycle: 'Még nem indult tervezési ciklus.',
    none: 'Még nincs.',
    language: 'Nyelv',
    notFound: 'Ez az oldal nincs közzétéve.',
    updated: 'Utoljára módosítva: {date}.',
  },
  it: {
    heading: '{name}: piano di inclusione dei Rom',
    intro:
      'Il comune e il suo Gruppo di Azione Comunitaria pubblicano insieme questa pagina. Non nomina nessuno: il gruppo è descritto solo con numeri.',
    group: 'Il Gruppo di Azione Comunitaria',
    members: 'Membri: {count}',
    women: 'Donne',
    men: 'Uomini',
    other: 'Altra risposta o non dichiarato',
    priorities: 'Priorità concordate',
    actions: 'Azioni del piano',
    funding: 'Finanziamenti richiesti',
    fundingLine: '{amount} in {count} domande',
    indicators: 'Indicatori',
    indicator: 'Indicatore',
    baseline: 'Valore di partenza',
    target: 'Obiettivo',
    achieved: 'Raggiunto',
    timeline: 'Andamento del ciclo di pianificazione',
    phase: 'Fase',
    started: 'Inizio',
    ended: 'Fine',
    running: 'In corso',
    noCycle: 'Nessun ciclo di pianificazione è ancora iniziato.',
    none: 'Nessuno per ora.',
    language: 'Lingua',
    notFound: 'Questa pagina non è pubblicata.',
    updated: 'Ultima modifica: {date}.',
  },
  ro: {
    heading: '{name}: planul de incluziune a romilor',
    intro:
      'Primăria și Grupul său de Acțiune Comunitară publică această pagină împreună. Nu numește pe nimeni: grupul este descris doar prin cifre.',
    group: 'Grupul de Acțiune Comunitară',
    members: 'Membri: {count}',
    women: 'Femei',
    men: 'Bărbați',
    other: 'Alt răspuns sau nedeclarat',
    priorities: 'Priorități convenite',
    actions: 'Acțiunile planului',
    funding: 'Finanțare solicitată',
    fundingLine: '{amount} în {count} cereri',
    indicators: 'Indicatori',
    indicator: 'Indicator',
    baseline: 'Valoare inițială',
    target: 'Țintă',
    achieved: 'Realizat',
    timeline: 'Desfășurarea ciclului de planificare',
    phase: 'Etapă',
    started: 'Început',
    ended: 'Încheiat',
    running: 'În desfășurare',
    noCycle: 'Încă nu a început niciun ciclu de planificare.',
    none: 'Încă nimic.',
    language: 'Limba',
    notFound: 'Această pagină nu este publicată.',
    updated: 'Ultima modificare: {date}.',
  },
  sk: {
    heading: '{name}: plán začleňovania Rómov',
    intro:
      'Obec a jej Komunitná akčná skupina zverejňujú túto stránku spoločne. Nikoho nemenuje: skupinu opisujú len čísla.',
    group: 'Komunitná akčná skupina',
    members: 'Členovia: {count}',
    women: 'Ženy',
    men: 'Muži',
    other: 'Iná odpoveď alebo neuvedené',
    priorities: 'Dohodnuté priority',
    actions: 'Opatrenia plánu',
    funding: 'Žiadané financovanie',
    fundingLine: '{amount} v {count} žiadostiach',
    indicators: 'Ukazovatele',
    indicator: 'Ukazovateľ',
    baseline: 'Východisková hodnota',
    target: 'Cieľ',
    achieved: 'Dosiahnuté',
    timeline: 'Priebeh plánovacieho cyklu',
    phase: 'Fáza',
    started: 'Začiatok',
    ended: 'Koniec',
    running: 'Prebieha',
    noCycle: 'Zatiaľ sa nezačal žiadny plánovací cyklus.',
    none: 'Zatiaľ nič.',
    language: 'Jazyk',
    notFound: 'Táto stránka nie je zverejnená.',
    updated: 'Naposledy zmenené {date}.',
  },
};
