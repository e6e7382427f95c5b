import * as z from 'zod';
import { CalendarDate } from '../dates.ts';
import {
  about,
  amount,
  currency,
  kind,
  longText,
  quantity,
  type RuleViolation,
  reference,
  shortText,
  withinCycle,
} from './kind.ts';

/** The CAG's proposal for a small grant: what it will do, for whom, and what it costs. */
export const GrantProposal = about(
  'grant-proposal',
  z.strictObject({
    title: about('grant-proposal.title', shortText),
    description: about('grant-proposal.description', longText),
    activities: about(
      'grant-proposal.activities',
      z.array(about('grant-proposal.activity', shortText)).min(1).max(20),
    ),
    beneficiaries: about('grant-proposal.beneficiaries', z.int().min(1).max(1_000_000)),
    amountRequested: about('grant-proposal.amountRequested', amount),
    currency: about('grant-proposal.currency', currency),
  }),
);

/** The municipality's co-financing of a selected small grant. */
export const CoFinancingCommitment = about(
  'co-financing-commitment',
  z.strictObject({
    amount: about('co-financing-commitment.amount', amount),
    currency: about('co-financing-commitment.currency', currency),
    budgetLine: about('co-financing-commitment.budgetLine', reference),
    committedOn: about('co-financing-commitment.committedOn', CalendarDate),
  }),
);

/** What a small grant did, what it cost, and what the group learnt about planning together. */
export const GrantReport = about(
  'grant-report',
  z.strictObject({
    activitiesDone: about(
      'grant-report.activitiesDone',
      z.array(about('grant-report.activity', shortText)).min(1).max(20),
    ),
    beneficiariesReached: about('grant-report.beneficiariesReached', z.int().min(0).max(1_000_000)),
    spent: about('grant-report.spent', quantity),
    lessons: about('grant-report.lessons', longText),
    reportedOn: about('grant-report.reportedOn', CalendarDate),
  }),
);

/** A proposal as the CAG submits it. */
export const grantProposal = kind({ schema: GrantProposal, summarize: () => ({}) });

/** A co-financing commitment, made within the cycle. */
export const coFinancingCommitment = kind({
  schema: CoFinancingCommitment,
  summarize: () => ({}),
  rules: (output, context) => withinCycle(output.committedOn, 'committedOn', context),
});

/** A grant report, made within the cycle. */
export const grantReport = kind({
  schema: GrantReport,
  summarize: () => ({}),
  rules: (output, context): RuleViolation[] => withinCycle(output.reportedOn, 'reportedOn', context),
});
