import * as z from 'zod';
import { CalendarDate, DateInput, horizonFrom, localDate, PLANNING_HORIZON, toInstant } from './dates.ts';
import { applicationOutcomes } from './outputs/application-outcome.ts';
import { commitmentLetter } from './outputs/commitment.ts';
import { councilDecision } from './outputs/council.ts';
import { FundingProgramme, projectFiches } from './outputs/fiche.ts';
import { groupFormation } from './outputs/group-formation.ts';
import { implementationProgress } from './outputs/implementation.ts';
import { indicatorReport } from './outputs/indicator-report.ts';
import { about, kind, PriorityArea, withinCycle } from './outputs/kind.ts';
import { followUpReport, meetingMinutes } from './outputs/meeting.ts';
import { jointPlan } from './outputs/plan.ts';
import { prioritisation } from './outputs/prioritisation.ts';
import { coFinancingCommitment, grantProposal, grantReport } from './outputs/small-grant.ts';

export { FundingProgramme } from './outputs/fiche.ts';
export {
  type ContextNeed,
  type OutputContext,
  type OutputKind,
  outputTextKeys,
  PriorityArea,
  type RuleViolation,
  TaskSummary,
  withinCycle,
} from './outputs/kind.ts';

/**
 * What each kind of task produces. A template names an output by key; completing a task validates the body
 * against that schema, then against the template's rules (a 422 when a valid body breaks one), and sends only
 * a small summary to the workflow: execution history must not carry the (possibly personal) full output.
 */

const isoDate = CalendarDate;
const text = z.string().trim().min(1).max(4_000);
const reference = z.string().trim().min(1).max(200);

const NeedsAssessment = about(
  'needs-assessment',
  z.strictObject({
    priorities: about(
      'needs-assessment.priorities',
      z
        .array(
          about(
            'needs-assessment.priority',
            z.strictObject({
              area: about('needs-assessment.priority.area', PriorityArea),
              description: about('needs-assessment.priority.description', text),
            }),
          ),
        )
        .min(1)
        .max(50),
    ),
    neighbourhoods: about(
      'needs-assessment.neighbourhoods',
      z
        .array(about('needs-assessment.neighbourhood', z.string().trim().min(1).max(200)))
        .min(1)
        .max(100),
    ),
    summary: about('needs-assessment.summary', text),
  }),
);

const CommunityConsultation = about(
  'community-consultation',
  z.strictObject({
    meetings: about(
      'community-consultation.meetings',
      z
        .array(
          about(
            'community-consultation.meeting',
            z
              .strictObject({
                date: about('community-consultation.meeting.date', isoDate),
                participants: about(
                  'community-consultation.meeting.participants',
                  z.int().min(1).max(100_000),
                ),
                cagMembersPresent: about(
                  'community-consultation.meeting.cagMembersPresent',
                  z.int().min(0).max(1_000),
                ),
              })
              .refine((meeting) => meeting.cagMembersPresent <= meeting.participants, {
                path: ['cagMembersPresent'],
                message: 'cannot be more than the participants',
              }),
          ),
        )
        .min(1)
        .max(200),
    ),
    agreedPriorities: about(
      'community-consultation.agreedPriorities',
      z
        .array(about('community-consultation.agreedPriority', z.string().trim().min(1).max(500)))
        .min(1)
        .max(50),
    ),
    minutesReference: about('community-consultation.minutesReference', reference),
  }),
);

const ApprovalDecision = about(
  'approval-decision',
  z
    .strictObject({
      decision: about('approval-decision.decision', z.enum(['approve', 'reject'])),
      reason: about('approval-decision.reason', z.string().trim().max(4_000)).optional(),
      decisionReference: about('approval-decision.decisionReference', reference),
      decidedOn: about('approval-decision.decidedOn', isoDate),
    })
    .refine((value) => value.decision === 'approve' || (value.reason?.length ?? 0) > 0, {
      path: ['reason'],
      message: 'a rejection must give a reason',
    }),
);

const FundingApplications = about(
  'funding-applications',
  z
    .strictObject({
      applications: about(
        'funding-applications.applications',
        z
          .array(
            about(
              'funding-applications.application',
              z.strictObject({
                programme: about('funding-applications.application.programme', FundingProgramme),
                callId: about('funding-applications.application.callId', reference),
                title: about('funding-applications.application.title', z.string().trim().min(1).max(500)),
                amount: about('funding-applications.application.amount', z.number().positive().max(1e12)),
                currency: about(
                  'funding-applications.application.currency',
                  z.string().regex(/^[A-Z]{3}$/, 'must be an ISO-4217 code such as EUR'),
                ),
                submittedOn: about('funding-applications.application.submittedOn', isoDate),
                reference: about('funding-applications.application.reference', reference),
              }),
            ),
          )
          .max(100),
      ),
      /** Why nothing was submitted (no suitable call, say): required when there are no applications. */
      noApplicationReason: about(
        'funding-applications.noApplicationReason',
        z.string().trim().min(1).max(4_000),
      ).optional(),
    })
    .refine((value) => value.applications.length > 0 || value.noApplicationReason !== undefined, {
      path: ['noApplicationReason'],
      message: 'say why no application was submitted',
    }),
);

const quantity = z.number().min(0).max(1e12);
const MonitoringReport = about(
  'monitoring-report',
  z.strictObject({
    indicators: about(
      'monitoring-report.indicators',
      z
        .array(
          about(
            'monitoring-report.indicator',
            z.strictObject({
              priority: about('monitoring-report.indicator.priority', z.string().trim().min(1).max(500)),
              indicator: about('monitoring-report.indicator.indicator', z.string().trim().min(1).max(500)),
              baseline: about('monitoring-report.indicator.baseline', quantity).optional(),
              target: about('monitoring-report.indicator.target', quantity).optional(),
              achieved: about('monitoring-report.indicator.achieved', quantity),
            }),
          ),
        )
        .min(1)
        .max(200),
    ),
    outcome: about('monitoring-report.outcome', z.enum(['next-cycle', 'close'])),
  }),
);

const SelfAssessment = about(
  'self-assessment',
  z.strictObject({
    strengths: about(
      'self-assessment.strengths',
      z.array(about('self-assessment.strength', text)).min(1).max(50),
    ),
    gaps: about('self-assessment.gaps', z.array(about('self-assessment.gap', text)).min(1).max(50)),
  }),
);

const VisitReport = about(
  'visit-report',
  z.strictObject({
    visitedOn: about('visit-report.visitedOn', isoDate),
    recommendations: about(
      'visit-report.recommendations',
      z.array(about('visit-report.recommendation', text)).min(1).max(50),
    ),
  }),
);

/** The coordinator's answer to a stalled task: resume it with a new deadline, or cancel the cycle. */
export const StallResolution = about(
  'stall-resolution',
  z.discriminatedUnion('action', [
    about(
      'stall-resolution.resume',
      z.strictObject({
        action: about('stall-resolution.resume.action', z.literal('resume')),
        dueAt: about('stall-resolution.resume.dueAt', DateInput),
      }),
    ),
    about(
      'stall-resolution.cancel',
      z.strictObject({
        action: about('stall-resolution.cancel.action', z.literal('cancel')),
        reason: about('stall-resolution.cancel.reason', text),
      }),
    ),
  ]),
);

/** Every output a template may name, keyed by its schema name. */
export const taskOutputs = {
  'needs-assessment': kind({ schema: NeedsAssessment, summarize: () => ({}) }),
  'community-consultation': kind({
    schema: CommunityConsultation,
    summarize: () => ({}),
    rules: (output, context) => {
      const minimum = context.parameters.minCagMembersPresent ?? 0;
      return output.meetings.flatMap((meeting, index) => [
        ...withinCycle(meeting.date, `meetings.${index}.date`, context),
        ...(meeting.cagMembersPresent < minimum
          ? [
              {
                path: `meetings.${index}.cagMembersPresent`,
                message: `at least ${minimum} CAG members must be present (was ${meeting.cagMembersPresent})`,
              },
            ]
          : []),
      ]);
    },
  }),
  'approval-decision': kind({
    schema: ApprovalDecision,
    summarize: (output) => ({ decision: output.decision }),
    rules: (output, context) => withinCycle(output.decidedOn, 'decidedOn', context),
  }),
  'funding-applications': kind({
    schema: FundingApplications,
    summarize: () => ({}),
    rules: (output, context) => {
      const closes = context.dates.fundingCallClosesAt;
      const closingDate = closes ? localDate(closes, context.timeZone) : undefined;
      return output.applications.flatMap((application, index) => [
        ...withinCycle(application.submittedOn, `applications.${index}.submittedOn`, context),
        ...(closingDate && application.submittedOn > closingDate
          ? [
              {
                path: `applications.${index}.submittedOn`,
                message: `cannot be after the funding call closed (${closingDate})`,
              },
            ]
          : []),
      ]);
    },
  }),
  'monitoring-report': kind({
    schema: MonitoringReport,
    summarize: (output) => ({ outcome: output.outcome }),
  }),
  'self-assessment': kind({ schema: SelfAssessment, summarize: () => ({}) }),
  'visit-report': kind({
    schema: VisitReport,
    summarize: () => ({}),
    rules: (output, context) => withinCycle(output.visitedOn, 'visitedOn', context),
  }),
  'commitment-letter': commitmentLetter,
  'group-formation': groupFormation,
  'meeting-minutes': meetingMinutes,
  'follow-up-report': followUpReport,
  prioritisation,
  'joint-plan': jointPlan,
  'council-decision': councilDecision,
  'project-fiches': projectFiches,
  'application-outcomes': applicationOutcomes,
  'implementation-progress': implementationProgress,
  'indicator-report': indicatorReport,
  'grant-proposal': grantProposal,
  'co-financing-commitment': coFinancingCommitment,
  'grant-report': grantReport,
  'stall-resolution': kind({
    schema: StallResolution,
    summarize: (output) => ({ action: output.action }),
    rules: (output, context) => {
      if (output.action !== 'resume') return [];
      const dueAt = new Date(toInstant(output.dueAt, context.timeZone));
      if (dueAt <= context.now) return [{ path: 'dueAt', message: 'must be in the future' }];
      if (dueAt > horizonFrom(context.now))
        return [{ path: 'dueAt', message: `must be within the planning horizon (${PLANNING_HORIZON})` }];
      return [];
    },
  }),
} as const;

/** The name of a registered task output schema. */
export type TaskOutputName = keyof typeof taskOutputs;
/** The names of all registered task output schemas. */
export const taskOutputNames = Object.keys(taskOutputs) as [TaskOutputName, ...TaskOutputName[]];

/** Outputs whose summary carries an approve/reject decision (usable in a joint approval). */
export const decisionOutputs: ReadonlySet<TaskOutputName> = new Set([
  'approval-decision',
  'council-decision',
]);
/** Outputs whose summary says whether a repeating phase runs another round (`next`). */
export const roundOutputs: ReadonlySet<TaskOutputName> = new Set([
  'meeting-minutes',
  'indicator-report',
  'application-outcomes',
]);
/** Outputs whose summary carries a `next-cycle`/`close` outcome. */
export const outcomeOutputs: ReadonlySet<TaskOutputName> = new Set(['monitoring-report']);
