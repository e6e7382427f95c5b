import { z } from 'zod';
import { subtractDuration } from '../duration.ts';
import { CalendarDate, DateInput, horizonFrom, localDate, PLANNING_HORIZON, toInstant } from './dates.ts';

/**
 * What each kind of task produces. A template names an output by key; completing a task validates the body
 * against that schema, then against the template's rules (a 422 when a valid body breaks one), and sends only
 * a small summary to the workflow: execution history must not carry the (possibly personal) full output.
 */

const isoDate = CalendarDate;
const text = z.string().trim().min(1).max(4_000);
const reference = z.string().trim().min(1).max(200);

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

const NeedsAssessment = z.strictObject({
  priorities: z
    .array(z.strictObject({ area: PriorityArea, description: text }))
    .min(1)
    .max(50),
  neighbourhoods: z.array(z.string().trim().min(1).max(200)).min(1).max(100),
  summary: text,
});

const CommunityConsultation = z.strictObject({
  meetings: z
    .array(
      z
        .strictObject({
          date: isoDate,
          participants: z.int().min(1).max(100_000),
          cagMembersPresent: z.int().min(0).max(1_000),
        })
        .refine((meeting) => meeting.cagMembersPresent <= meeting.participants, {
          path: ['cagMembersPresent'],
          message: 'cannot be more than the participants',
        }),
    )
    .min(1)
    .max(200),
  agreedPriorities: z.array(z.string().trim().min(1).max(500)).min(1).max(50),
  minutesReference: reference,
});

const ApprovalDecision = z
  .strictObject({
    decision: z.enum(['approve', 'reject']),
    reason: z.string().trim().max(4_000).optional(),
    decisionReference: reference,
    decidedOn: isoDate,
  })
  .refine((value) => value.decision === 'approve' || (value.reason?.length ?? 0) > 0, {
    path: ['reason'],
    message: 'a rejection must give a reason',
  });

const FundingApplications = z
  .strictObject({
    applications: z
      .array(
        z.strictObject({
          programme: FundingProgramme,
          callId: reference,
          title: z.string().trim().min(1).max(500),
          amount: z.number().positive().max(1e12),
          currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO-4217 code such as EUR'),
          submittedOn: isoDate,
          reference,
        }),
      )
      .max(100),
    /** Why nothing was submitted (no suitable call, say): required when there are no applications. */
    noApplicationReason: z.string().trim().min(1).max(4_000).optional(),
  })
  .refine((value) => value.applications.length > 0 || value.noApplicationReason !== undefined, {
    path: ['noApplicationReason'],
    message: 'say why no application was submitted',
  });

const MonitoringReport = z.strictObject({
  indicators: z
    .array(
      z.strictObject({
        priority: z.string().trim().min(1).max(500),
        indicator: z.string().trim().min(1).max(500),
        baseline: z.number().min(0).max(1e12).optional(),
        target: z.number().min(0).max(1e12).optional(),
        achieved: z.number().min(0).max(1e12),
      }),
    )
    .min(1)
    .max(200),
  outcome: z.enum(['next-cycle', 'close']),
});

const SelfAssessment = z.strictObject({
  strengths: z.array(text).min(1).max(50),
  gaps: z.array(text).min(1).max(50),
});

const VisitReport = z.strictObject({
  visitedOn: isoDate,
  recommendations: z.array(text).min(1).max(50),
});

/** The coordinator's answer to a stalled task: resume it with a new deadline, or cancel the cycle. */
export const StallResolution = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('resume'), dueAt: DateInput }),
  z.strictObject({ action: z.literal('cancel'), reason: text }),
]);

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
function withinCycle(date: string, path: string, context: OutputContext): RuleViolation[] {
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
