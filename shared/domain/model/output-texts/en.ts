import { processEn } from './process/en.ts';
import type { OutputText } from './text.ts';

/** The output texts in English: every key here must exist in every language (TypeScript holds them to it). */
export const en = {
  'needs-assessment': {
    title: 'Needs assessment',
    description:
      'What the Roma neighbourhoods need most, as the municipality assessed it with the Community Action Group.',
  },
  'needs-assessment.priorities': {
    title: 'Priorities',
    description: 'The policy areas that need action first, each with what is needed.',
  },
  'needs-assessment.priority': { title: 'Priority' },
  'needs-assessment.priority.area': { title: 'Policy area', examples: ['housing'] },
  'needs-assessment.priority.description': {
    title: 'What is needed',
    examples: ['Legalise and repair the homes on the river bank'],
  },
  'needs-assessment.neighbourhoods': {
    title: 'Neighbourhoods',
    description: 'The Roma neighbourhoods the assessment covers.',
  },
  'needs-assessment.neighbourhood': { title: 'Neighbourhood', examples: ['Stolipinovo'] },
  'needs-assessment.summary': {
    title: 'Summary',
    examples: ['Housing and identity documents come first.'],
  },

  'community-consultation': {
    title: 'Community consultation',
    description: 'The meetings where the community discussed the needs, and the priorities it agreed on.',
  },
  'community-consultation.meetings': { title: 'Meetings' },
  'community-consultation.meeting': { title: 'Meeting' },
  'community-consultation.meeting.date': {
    title: 'Date of the meeting',
    examples: ['2027-02-15'],
  },
  'community-consultation.meeting.participants': {
    title: 'Participants',
    description: 'How many people took part.',
    examples: [42],
  },
  'community-consultation.meeting.cagMembersPresent': {
    title: 'CAG members present',
    description: 'How many members of the Community Action Group took part. The template sets a minimum.',
    examples: [5],
  },
  'community-consultation.agreedPriorities': { title: 'Agreed priorities' },
  'community-consultation.agreedPriority': { title: 'Priority', examples: ['Housing'] },
  'community-consultation.minutesReference': {
    title: 'Reference of the minutes',
    description: 'Where the minutes of the meetings are filed.',
    examples: ['CAG-2027-01'],
  },

  'approval-decision': {
    title: 'Decision',
    description: 'Approve, or reject and say why: a rejection sends the plan back to be revised.',
  },
  'approval-decision.decision': {
    title: 'Decision',
    description: '"approve" or "reject".',
    examples: ['approve'],
  },
  'approval-decision.reason': {
    title: 'Reason',
    description: 'Why the plan is rejected. Required for a rejection.',
    examples: ['The plan leaves out identity documents.'],
  },
  'approval-decision.decisionReference': {
    title: 'Reference of the decision',
    description: 'The number of the council decision, or of the CAG minutes.',
    examples: ['DEC-2027-14'],
  },
  'approval-decision.decidedOn': { title: 'Decided on', examples: ['2027-02-15'] },

  'funding-applications': {
    title: 'Funding applications',
    description: 'The applications submitted to fund the action plan, or why none was.',
  },
  'funding-applications.applications': { title: 'Applications' },
  'funding-applications.application': { title: 'Application' },
  'funding-applications.application.programme': { title: 'Programme', examples: ['ESF+'] },
  'funding-applications.application.callId': { title: 'Call', examples: ['BG05SFPR-2027-1'] },
  'funding-applications.application.title': { title: 'Project title', examples: ['Homes for all'] },
  'funding-applications.application.amount': { title: 'Amount', examples: [250000] },
  'funding-applications.application.currency': {
    title: 'Currency',
    description: 'A three-letter ISO-4217 code.',
    examples: ['EUR'],
  },
  'funding-applications.application.submittedOn': { title: 'Submitted on', examples: ['2027-02-15'] },
  'funding-applications.application.reference': { title: 'Application reference', examples: ['APP-77'] },
  'funding-applications.noApplicationReason': {
    title: 'Why nothing was submitted',
    description: 'Required when there are no applications.',
    examples: ['No call was open for housing this year.'],
  },

  'monitoring-report': {
    title: 'Monitoring report',
    description: 'What the action plan achieved, and whether the municipality starts another cycle.',
  },
  'monitoring-report.indicators': { title: 'Indicators' },
  'monitoring-report.indicator': { title: 'Indicator' },
  'monitoring-report.indicator.priority': { title: 'Priority', examples: ['Housing'] },
  'monitoring-report.indicator.indicator': { title: 'Indicator', examples: ['Homes repaired'] },
  'monitoring-report.indicator.baseline': { title: 'Baseline', examples: [0] },
  'monitoring-report.indicator.target': { title: 'Target', examples: [40] },
  'monitoring-report.indicator.achieved': { title: 'Achieved', examples: [35] },
  'monitoring-report.outcome': {
    title: 'What comes next',
    description: '"next-cycle" starts the next planning cycle; "close" ends the programme here.',
    examples: ['next-cycle'],
  },

  'self-assessment': {
    title: 'Self-assessment',
    description: 'What the municipality does well for its Roma residents, and what is missing.',
  },
  'self-assessment.strengths': { title: 'Strengths' },
  'self-assessment.strength': {
    title: 'Strength',
    examples: ['An active Community Action Group that meets every month'],
  },
  'self-assessment.gaps': { title: 'Gaps' },
  'self-assessment.gap': { title: 'Gap', examples: ['No budget line for the action plan'] },

  'visit-report': {
    title: 'Visit report',
    description: 'What the visit found, and what the municipality should do next.',
  },
  'visit-report.visitedOn': { title: 'Visited on', examples: ['2027-02-15'] },
  'visit-report.recommendations': { title: 'Recommendations' },
  'visit-report.recommendation': {
    title: 'Recommendation',
    examples: ['Add a budget line for the action plan to next year’s budget'],
  },

  'stall-resolution': {
    title: 'Resume or cancel the stalled cycle',
    description: 'A task is past its deadline. Give it a new deadline, or end the cycle.',
  },
  'stall-resolution.resume': { title: 'Resume with a new deadline' },
  'stall-resolution.resume.action': { title: 'Action' },
  'stall-resolution.resume.dueAt': {
    title: 'New deadline',
    description: 'A date (the end of that day where the municipality is) or an instant; in the future.',
    examples: ['2027-06-30'],
  },
  'stall-resolution.cancel': { title: 'Cancel the cycle' },
  'stall-resolution.cancel.action': { title: 'Action' },
  'stall-resolution.cancel.reason': {
    title: 'Reason',
    examples: ['The municipality left the programme.'],
  },
  ...processEn,
} satisfies Record<string, OutputText>;

/** The key of a text of a task output (an output, or one of its fields). */
export type OutputTextKey = keyof typeof en;
/** One language's texts of every task output. */
export type OutputTexts = Record<OutputTextKey, OutputText>;
