import * as z from 'zod';
import { subtractDuration } from '../../duration.ts';
import { horizonFrom, localDate, PLANNING_HORIZON } from '../dates.ts';
import type { OutputTextKey } from '../output-texts/en.ts';
import type { ResultsChain } from '../results-chain.ts';

/**
 * What every task output is made of: its schema (each part registered under its text key), the summary the
 * workflow receives, and the rules a valid body must also keep (answered with 422). Some rules read what the
 * cycle recorded so far (a plan's action must name an agreed priority): an output names that need, and the
 * cycle's record is read only for outputs that ask.
 */

/**
 * What each part of an output means to people: its key in the output texts (`output-texts/<locale>.ts`), where
 * every language gives it a title, a description and examples. The JSON Schema served to forms and the OpenAPI
 * document read them from here; validation does not.
 */
export const outputTextKeys = z.registry<{ text: OutputTextKey }>();

/** The schema, registered under its text key (a copy when it is shared, so each field keeps its own text). */
export function about<S extends z.ZodType>(key: OutputTextKey, schema: S): S {
  const copy = schema.clone() as S;
  outputTextKeys.add(copy as z.ZodType, { text: key });
  return copy;
}

/** What the workflow receives when a task completes: only what its Choice states and steps read. */
export const TaskSummary = z.object({
  taskId: z.string(),
  decision: z.enum(['approve', 'reject', 'withdrawn']).optional(),
  outcome: z.enum(['next-cycle', 'close']).optional(),
  action: z.enum(['resume', 'cancel']).optional(),
  /** A repeating phase (meetings, reporting periods): another round follows, or the phase is done. */
  next: z.enum(['another-round', 'phase-done']).optional(),
});
/** What the workflow receives when a task completes. */
export type TaskSummary = z.infer<typeof TaskSummary>;

/** A rule of the template broken by an otherwise valid output (answered with 422). */
export interface RuleViolation {
  path: string;
  message: string;
}

/** What more of the cycle an output's rules read (loaded only for outputs that ask). */
export type ContextNeed = 'results';

/** What an output's rules check it against: the template's parameters, the cycle's dates, and now. */
export interface OutputContext {
  parameters: {
    minCagMembersPresent?: number | undefined;
    minMeetings?: number | undefined;
    minPriorities?: number | undefined;
    minCagMembers?: number | undefined;
  };
  /** When the cycle started, and the dates it was given (instants). */
  cycleStartedAt: string;
  dates: Record<string, string>;
  /** The municipality's time zone: what the output's calendar dates mean. */
  timeZone: string;
  now: Date;
  /** The task's round in a repeating phase (0 for the first meeting or reporting period). */
  round?: number | undefined;
  /** What the cycle recorded so far: needs, priorities, actions, fiches... (`needs: ['results']`). */
  results?: ResultsChain | undefined;
}

/** One kind of task output. */
export interface OutputKind<S extends z.ZodType> {
  schema: S;
  summarize: (output: z.infer<S>) => Omit<TaskSummary, 'taskId'>;
  rules?: (output: z.infer<S>, context: OutputContext) => RuleViolation[];
  /** What of the cycle the rules read beyond the body. */
  needs?: readonly ContextNeed[];
}

/** Declares an output kind (the identity function, for inference). */
export function kind<S extends z.ZodType>(definition: OutputKind<S>): OutputKind<S> {
  return definition;
}

/** A part of the context an output declared it needs; its absence is a programming error, never a user's. */
export function needed<T>(value: T | undefined, name: ContextNeed): T {
  if (value === undefined) throw new Error(`The output's rules read "${name}" but it was not loaded`);
  return value;
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

/** A calendar date planned ahead: after today, and within the planning horizon. */
export function ahead(date: string, path: string, context: OutputContext): RuleViolation[] {
  const today = localDate(context.now, context.timeZone);
  const latest = localDate(horizonFrom(context.now), context.timeZone);
  if (date <= today) return [{ path, message: `must be after today (${today})` }];
  if (date > latest) return [{ path, message: `must be within the planning horizon (${PLANNING_HORIZON})` }];
  return [];
}

/** A calendar date of a plan: not long before the cycle started, and within the planning horizon. */
export function planned(date: string, path: string, context: OutputContext): RuleViolation[] {
  const earliest = localDate(subtractDuration(new Date(context.cycleStartedAt), 'P1Y'), context.timeZone);
  const latest = localDate(horizonFrom(context.now), context.timeZone);
  if (date < earliest)
    return [{ path, message: `cannot be more than a year before the cycle started (${earliest})` }];
  if (date > latest) return [{ path, message: `must be within the planning horizon (${PLANNING_HORIZON})` }];
  return [];
}

/** Each id of a list once: a second use of an id is reported at its path. */
export function uniqueIds(
  items: readonly { id: string }[],
  path: (index: number) => string,
): RuleViolation[] {
  const seen = new Set<string>();
  return items.flatMap((item, index) => {
    if (!seen.has(item.id)) {
      seen.add(item.id);
      return [];
    }
    return [{ path: path(index), message: `the id "${item.id}" is used twice` }];
  });
}

/** A short id a person gives a need, an action, an indicator or a fiche, such as "n1" or "housing-2". */
export const ItemId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'must be a short lower-case id such as "n1" or "housing-2"');

/** A short text: a title, a name, a place. */
export const shortText = z.string().trim().min(1).max(500);
/** A longer text: a description, minutes, a note. */
export const longText = z.string().trim().min(1).max(4_000);
/** A reference: a document number, a file, an attachment id. */
export const reference = z.string().trim().min(1).max(200);
/** An amount of money, positive. */
export const amount = z.number().positive().max(1e12);
/** An ISO-4217 currency code. */
export const currency = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO-4217 code such as EUR');
/** A measured quantity. */
export const quantity = z.number().min(0).max(1e12);
/** A member of the municipality, named by their user id (never by name: the member list holds the name). */
export const memberRef = z.string().trim().min(1).max(100);

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
