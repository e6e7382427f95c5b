import * as z from 'zod';
import { subtractDuration } from '../duration.ts';
import { CalendarDate, DateInput, horizonFrom, localDate, PLANNING_HORIZON, toInstant } from './dates.ts';
import type { OutputTextKey } from './output-texts/en.ts';

/**
 * What each kind of task produces. A template names an output by key; completing a task validates the body
 * against that schema, then against the template's rules (a 422 when a valid body breaks one), and sends only
 * a small summary to the workflow: execution history must not carry the (possibly personal) full output.
 */

const isoDate = CalendarDate;
const text = z.string().trim().min(1).max(4_000);
const reference = z.string().trim().min(1).max(200);

/**
 * What each part of an output means to people: its key in the output texts (`output-texts/<locale>.ts`), where
 * every language gives it a title, a description and examples. The JSON Schema served to forms and the OpenAPI
 * document read them from here; validation does not.
 */
export const outputTextKeys = z.registry<{ text: OutputTextKey }>();

/** The schema, registered under its text key (a copy when it is shared, so each field keeps its own text). */
function about<S extends z.ZodType>(key: OutputTextKey, schema: S): S {
  const copy = schema.clone() as S;
  outputTextKeys.add(copy as z.ZodType, { text: key });
  return copy;
}

/** Policy areas of the ROMACT needs assessment. */
export const PriorityArea = z.enum([
  'education',
  'employment',
  'health',
  'housing',
  'civil-documentation',
  'infrastructure',
  'culture',
]);

/** Funding programmes a municipality applies to. */
export const FundingProgramme = z.enum([
  'ESF+',
  'ERDF',
  'national',
  'small-grant',
  'EEA-Norway-grants',
  'other',
]);

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

/** What the workflow receives when a task completes: only what its Choice states read. */
export const TaskSummary = z.object({
  taskId: z.string(),
  decision: z.enum(['approve', 'reject', 'withdrawn']).optional(),
  outcome: z.enum(['next-cycle', 'close']).optional(),
  action: z.enum(['resume', 'cancel']).optional(),
});
/** What the workflow receives when a task completes. */
export type TaskSummary = z.infer<typeof TaskSummary>;

/** A rule of the template broken by an otherwise valid output (answered with 422). */
export interface RuleViolation {
  path: string;
  message: string;
}

/** What an output's rules check it against: the template's parameters, the cycle's dates, and now. */
export interface OutputContext {
  parameters: { minCagMembersPresent?: number | undefined };
  /** When the cycle started, and the dates it was given (instants). */
  cycleStartedAt: string;
  dates: Record<string, string>;
  /** The municipality's time zone: what the output's calendar dates mean. */
  timeZone: string;
  now: Date;
}

interface OutputKind<S extends z.ZodType> {
  schema: S;
  summarize: (output: z.infer<S>) => Omit<TaskSummary, 'taskId'>;
  rules?: (output: z.infer<S>, context: OutputContext) => RuleViolation[];
}

/**
 * A calendar date of the cycle's work: not in the future, and not more than a year before the cycle started
 * (work done just before the cycle was entered counts; a date from another decade is a typing error).
 */
export function withinCycle(date: string, path: string, context: OutputContext): RuleViolation[] {
  const earliest = localDate(subtractDuration(new Date(context.cycleStartedAt), 'P1Y'), context.timeZone);
  const today = localDate(context.now, context.timeZone);
  if (date < earliest)
    return [{ path, message: `cannot be more than a year before the cycle started (${earliest})` }];
  if (date > today) return [{ path, message: `cannot be in the future (today is ${today})` }];
  return [];
}

function kind<S extends z.ZodType>(definition: OutputKind<S>): OutputKind<S> {
  return definition;
}

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
export const decisionOutputs: ReadonlySet<TaskOutputName> = new Set(['approval-decision']);
/** Outputs whose summary carries a `next-cycle`/`close` outcome. */
export const outcomeOutputs: ReadonlySet<TaskOutputName> = new Set(['monitoring-report']);
