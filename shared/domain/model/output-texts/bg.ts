import type { OutputTexts } from './en.ts';
import { processBg } from './process/bg.ts';

/** The output texts in Bulgarian. */
export const bg = {
  'needs-assessment': {
    title: 'Оценка на нуждите',
    description:
      'От какво най-много се нуждаят ромските квартали според оценката на общината и Инициативната група на общността.',
  },
  'needs-assessment.priorities': {
    title: 'Приоритети',
    description: 'Областите, в които първо са нужни действия, и какво е необходимо във всяка от тях.',
  },
  'needs-assessment.priority': { title: 'Приоритет' },
  'needs-assessment.priority.area': { title: 'Област на политиката' },
  'needs-assessment.priority.description': {
    title: 'Какво е необходимо',
    examples: ['Узаконяване и ремонт на жилищата край реката'],
  },
  'needs-assessment.neighbourhoods': {
    title: 'Квартали',
    description: 'Ромските квартали, които оценката обхваща.',
  },
  'needs-assessment.neighbourhood': { title: 'Квартал' },
  'needs-assessment.summary': {
    title: 'Обобщение',
    examples: ['Първо жилищата и документите за самоличност.'],
  },

  'community-consultation': {
    title: 'Консултация с общността',
    description: 'Срещите, на които общността обсъди нуждите, и приоритетите, за които се договори.',
  },
  'community-consultation.meetings': { title: 'Срещи' },
  'community-consultation.meeting': { title: 'Среща' },
  'community-consultation.meeting.date': { title: 'Дата на срещата' },
  'community-consultation.meeting.participants': {
    title: 'Участници',
    description: 'Колко души са участвали.',
  },
  'community-consultation.meeting.cagMembersPresent': {
    title: 'Присъствали членове на ИГО',
    description: 'Колко членове на Инициативната група на общността са участвали. Шаблонът определя минимум.',
  },
  'community-consultation.agreedPriorities': { title: 'Договорени приоритети' },
  'community-consultation.agreedPriority': { title: 'Приоритет', examples: ['Жилища'] },
  'community-consultation.minutesReference': {
    title: 'Номер на протокола',
    description: 'Къде са заведени протоколите от срещите.',
  },

  'approval-decision': {
    title: 'Решение',
    description: 'Одобрете или отхвърлете и посочете защо: отхвърлянето връща плана за преработка.',
  },
  'approval-decision.decision': {
    title: 'Решение',
    description: '„approve“ (одобрявам) или „reject“ (отхвърлям).',
  },
  'approval-decision.reason': {
    title: 'Причина',
    description: 'Защо планът се отхвърля. Задължително при отхвърляне.',
    examples: ['Планът пропуска документите за самоличност.'],
  },
  'approval-decision.decisionReference': {
    title: 'Номер на решението',
    description: 'Номерът на решението на общинския съвет или на протокола на ИГО.',
  },
  'approval-decision.decidedOn': { title: 'Дата на решението' },

  'funding-applications': {
    title: 'Заявления за финансиране',
    description: 'Подадените заявления за финансиране на плана за действие или защо не е подадено нито едно.',
  },
  'funding-applications.applications': { title: 'Заявления' },
  'funding-applications.application': { title: 'Заявление' },
  'funding-applications.application.programme': { title: 'Програма' },
  'funding-applications.application.callId': { title: 'Процедура' },
  'funding-applications.application.title': {
    title: 'Наименование на проекта',
    examples: ['Домове за всички'],
  },
  'funding-applications.application.amount': { title: 'Сума' },
  'funding-applications.application.currency': {
    title: 'Валута',
    description: 'Трибуквен код по ISO 4217.',
  },
  'funding-applications.application.submittedOn': { title: 'Дата на подаване' },
  'funding-applications.application.reference': { title: 'Номер на заявлението' },
  'funding-applications.noApplicationReason': {
    title: 'Защо не е подадено заявление',
    description: 'Задължително, когато няма заявления.',
    examples: ['Тази година нямаше отворена процедура за жилища.'],
  },

  'monitoring-report': {
    title: 'Доклад от мониторинга',
    description: 'Какво постигна планът за действие и дали общината започва нов цикъл.',
  },
  'monitoring-report.indicators': { title: 'Показатели' },
  'monitoring-report.indicator': { title: 'Показател' },
  'monitoring-report.indicator.priority': { title: 'Приоритет', examples: ['Жилища'] },
  'monitoring-report.indicator.indicator': { title: 'Показател', examples: ['Ремонтирани домове'] },
  'monitoring-report.indicator.baseline': { title: 'Изходна стойност' },
  'monitoring-report.indicator.target': { title: 'Целева стойност' },
  'monitoring-report.indicator.achieved': { title: 'Постигнато' },
  'monitoring-report.outcome': {
    title: 'Какво следва',
    description: '„next-cycle“ започва следващия цикъл на планиране; „close“ приключва програмата тук.',
  },

  'self-assessment': {
    title: 'Самооценка',
    description: 'Какво общината прави добре за ромските си жители и какво липсва.',
  },
  'self-assessment.strengths': { title: 'Силни страни' },
  'self-assessment.strength': {
    title: 'Силна страна',
    examples: ['Активна Инициативна група на общността, която се събира всеки месец'],
  },
  'self-assessment.gaps': { title: 'Пропуски' },
  'self-assessment.gap': { title: 'Пропуск', examples: ['Няма бюджетен ред за плана за действие'] },

  'visit-report': {
    title: 'Доклад от посещението',
    description: 'Какво установи посещението и какво трябва да направи общината.',
  },
  'visit-report.visitedOn': { title: 'Дата на посещението' },
  'visit-report.recommendations': { title: 'Препоръки' },
  'visit-report.recommendation': {
    title: 'Препоръка',
    examples: ['Включете бюджетен ред за плана за действие в бюджета за следващата година'],
  },

  'stall-resolution': {
    title: 'Възобновяване или прекратяване на спрелия цикъл',
    description: 'Задача е с изтекъл срок. Дайте ѝ нов срок или прекратете цикъла.',
  },
  'stall-resolution.resume': { title: 'Възобновяване с нов срок' },
  'stall-resolution.resume.action': { title: 'Действие' },
  'stall-resolution.resume.dueAt': {
    title: 'Нов срок',
    description: 'Дата (краят на този ден там, където е общината) или точен момент; в бъдещето.',
  },
  'stall-resolution.cancel': { title: 'Прекратяване на цикъла' },
  'stall-resolution.cancel.action': { title: 'Действие' },
  'stall-resolution.cancel.reason': { title: 'Причина', examples: ['Общината напусна програмата.'] },
  ...processBg,
} satisfies OutputTexts;
