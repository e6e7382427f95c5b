import * as z from 'zod';
import { CountryCode, Instant } from './instant.ts';

/** Status of a cycle. RUNNING and STALLED are live; the others are final. */
export const CycleStatus = z.enum([
  'RUNNING',
  'STALLED',
  'COMPLETED',
  'PLAN_REJECTED',
  'CANCELLED',
  'ABANDONED',
  'FAILED',
]);
/** Status of a cycle. */
export type CycleStatus = z.infer<typeof CycleStatus>;
/** Statuses in which a cycle still has a workflow running. */
export const liveStatuses: ReadonlySet<CycleStatus> = new Set(['RUNNING', 'STALLED']);

/** A planning cycle of one municipality. */
export const Cycle = z.object({
  cycleId: z.string(),
  templateId: z.string(),
  /** Cycles stored before templates had versions all ran version 1 (romact v1, which the catalog keeps). */
  templateVersion: z.int().min(1).default(1),
  municipalityId: z.string(),
  country: CountryCode,
  /** The municipality's time zone when the cycle started: what its dates mean. */
  timeZone: z.string().min(1).max(64).optional(),
  status: CycleStatus,
  currentPhase: z.string(),
  revision: z.int().min(0),
  /** Dates given at start, such as a funding call's closing date. */
  dates: z.record(z.string(), Instant).default({}),
  /** Per-cycle due offsets by task key, overriding the template's. */
  dueOverrides: z.record(z.string(), z.string()).default({}),
  executionName: z.string(),
  executionId: z.string().optional(),
  /** When the current execution started: it chains to a fresh one before Step Functions' one-year limit. */
  executionStartedAt: Instant.optional(),
  /** The published workflow version the cycle runs (on AWS a version ARN): chained executions keep it. */
  stateMachineVersion: z.string().min(1).max(2_048).optional(),
  clientToken: z.string().optional(),
  /** Started next to another live cycle of the same template on purpose (it holds no live slot). */
  parallel: z.boolean().optional(),
  previousCycleId: z.string().optional(),
  nextCycleId: z.string().optional(),
  startedAt: Instant,
  updatedAt: Instant,
  endedAt: Instant.optional(),
  version: z.int().min(1),
});
/** A planning cycle of one municipality. */
export type Cycle = z.infer<typeof Cycle>;

/** Final statuses a workflow can end a cycle with. */
export const CycleOutcome = z.enum(['COMPLETED', 'PLAN_REJECTED', 'CANCELLED', 'ABANDONED']);
/** Final statuses a workflow can end a cycle with. */
export type CycleOutcome = z.infer<typeof CycleOutcome>;

/** The change that moves a live cycle to `status` if it is in one of `from`; undefined when it is not. */
export function statusChange(
  cycle: Cycle,
  status: CycleStatus,
  from: readonly CycleStatus[],
  extra: Partial<Cycle> = {},
): Partial<Cycle> | undefined {
  return from.includes(cycle.status) ? { status, ...extra } : undefined;
}
