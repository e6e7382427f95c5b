import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { recordEvent } from './audit.ts';
import { type Caller, canSeeTenant, visibleCycle } from './caller.ts';
import { toInstant } from './deadlines.ts';
import { isPositiveDuration } from './duration.ts';
import { type Cycle, CycleStatus, liveStatuses } from './entities.ts';
import {
  ConcurrentUpdateError,
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
} from './errors.ts';
import type { CycleRecord, Dependencies, Page } from './ports.ts';
import { endCycle } from './steps.ts';
import { taskView } from './tasks.ts';

/** Starting, reading, listing and cancelling cycles. */

const DateOrInstant = z.union([z.iso.date(), z.iso.datetime({ offset: true })]);

/** Body of `POST /cycles`. */
export const StartCycleBody = z.strictObject({
  municipalityId: z.string().trim().min(1).max(64),
  templateId: z.string().min(1).max(40).default('romact'),
  /** Dates a template may use instead of an offset, such as `fundingCallClosesAt`. */
  dates: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/), DateOrInstant).optional(),
  /** Per-cycle due offsets by task key (ISO-8601 durations from the phase start). */
  dueOverrides: z.record(z.string().min(1).max(40), z.string()).optional(),
  /** Makes a retried start return the same cycle instead of starting a second one. */
  clientToken: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1-64 letters, digits or _ . : -')
    .optional(),
});
/** Body of `POST /cycles`. */
export type StartCycleBody = z.infer<typeof StartCycleBody>;

/** Cycle id: derived from the client token when there is one, so a retried start finds the same cycle. */
function cycleIdFor(municipalityId: string, clientToken: string | undefined): string {
  const seed = clientToken ? `${municipalityId}\u0000${clientToken}` : randomUUID();
  return `cyc-${createHash('sha256').update(seed).digest('hex').slice(0, 20)}`;
}

/** Starts a cycle for a municipality (coordinators of its country only). Idempotent with a client token. */
export async function startCycle(
  deps: Dependencies,
  caller: Caller,
  body: StartCycleBody & { previousCycleId?: string },
  actor: string = caller.role,
): Promise<Cycle> {
  if (caller.role !== 'coordinator') throw new ForbiddenError('Only a coordinator starts cycles');
  const municipality = await deps.store.getMunicipality(body.municipalityId);
  if (!municipality || !canSeeTenant(caller, municipality)) {
    throw new NotFoundError(`No municipality ${body.municipalityId}`, [
      { path: 'municipalityId', message: 'unknown municipality' },
    ]);
  }
  const template = deps.templates(body.templateId);
  if (!template) {
    throw new InvalidInputError(`Unknown template ${body.templateId}`, [
      { path: 'templateId', message: 'unknown template' },
    ]);
  }
  const taskKeys = new Set(template.phases.flatMap((phase) => phase.tasks.map((task) => task.key)));
  const dateNames = new Set(
    template.phases.flatMap((phase) => phase.tasks.flatMap((task) => task.due.unlessDate ?? [])),
  );
  const issues = [
    ...Object.keys(body.dates ?? {})
      .filter((name) => !dateNames.has(name))
      .map((name) => ({
        path: `dates.${name}`,
        message: `the template uses no date "${name}" (${[...dateNames].join(', ') || 'none'})`,
      })),
    ...Object.entries(body.dueOverrides ?? {}).flatMap(([key, duration]) => [
      ...(taskKeys.has(key)
        ? []
        : [{ path: `dueOverrides.${key}`, message: `the template has no task "${key}"` }]),
      ...(isPositiveDuration(duration)
        ? []
        : [{ path: `dueOverrides.${key}`, message: 'must be a positive ISO-8601 duration such as "P30D"' }]),
    ]),
  ];
  if (issues.length) throw new InvalidInputError('Invalid cycle options', issues);

  const now = deps.clock.now().toISOString();
  const cycleId = cycleIdFor(body.municipalityId, body.clientToken);
  const firstPhase = template.phases[0]?.key ?? '';
  const { cycle, created } = await deps.store.createCycle({
    cycleId,
    templateId: template.id,
    templateVersion: template.version,
    municipalityId: municipality.municipalityId,
    country: municipality.country,
    status: 'RUNNING',
    currentPhase: firstPhase,
    revision: 0,
    dates: Object.fromEntries(
      Object.entries(body.dates ?? {}).map(([name, value]) => [name, toInstant(value)]),
    ),
    dueOverrides: body.dueOverrides ?? {},
    executionName: cycleId,
    ...(body.clientToken ? { clientToken: body.clientToken } : {}),
    ...(body.previousCycleId ? { previousCycleId: body.previousCycleId } : {}),
    startedAt: now,
    updatedAt: now,
    version: 1,
  });
  if (!created && cycle.municipalityId !== body.municipalityId) {
    throw new ConflictError('This client token was used for another municipality');
  }
  await recordEvent(deps, {
    cycleId,
    eventId: 'cycle.started',
    at: cycle.startedAt,
    type: 'cycle.started',
    actor,
    data: {
      templateId: cycle.templateId,
      templateVersion: cycle.templateVersion,
      previousCycleId: cycle.previousCycleId,
    },
  });
  if (liveStatuses.has(cycle.status) && !cycle.executionId) {
    // Same name, same input: a retry after a crash starts nothing new.
    const { executionId } = await deps.engine.start(cycle.templateId, cycle.executionName, {
      cycleId,
      revision: { count: 0 },
    });
    try {
      return await deps.store.updateCycle(cycle, { executionId });
    } catch (error) {
      // The first phase step recorded the execution already.
      if (!(error instanceof ConcurrentUpdateError)) throw error;
      return (await deps.store.getCycle(cycleId)) ?? cycle;
    }
  }
  return cycle;
}

/** The cycle with its phases, tasks (without tokens) and audit trail. */
export async function getCycle(deps: Dependencies, caller: Caller, cycleId: string) {
  const record = await deps.store.getCycleRecord(cycleId);
  visibleCycle(caller, record?.cycle, cycleId);
  return cycleView(deps, record as CycleRecord);
}

/** What the API returns for a cycle. */
export function cycleView(deps: Pick<Dependencies, 'clock' | 'templates'>, record: CycleRecord) {
  const order = (deps.templates(record.cycle.templateId)?.phases ?? []).map((phase) => phase.key);
  // Runs started in the same millisecond (a fast clock) still read in the order the workflow ran them.
  const phases = [...record.phases].sort(
    (a, b) =>
      a.startedAt.localeCompare(b.startedAt) ||
      a.revision - b.revision ||
      order.indexOf(a.phase) - order.indexOf(b.phase),
  );
  return {
    ...record.cycle,
    phases,
    tasks: record.tasks.map((task) => taskView(deps, task)),
    audit: record.audit,
  };
}

/** Query of `GET /cycles`. */
export const ListCyclesQuery = z.strictObject({
  municipalityId: z.string().min(1).max(64).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO-3166 alpha-2 code such as "BG"')
    .optional(),
  status: CycleStatus.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2_000).optional(),
});

/** Lists the cycles the caller may see: by municipality, or a coordinator's countries (and status). */
export async function listCycles(
  deps: Dependencies,
  caller: Caller,
  query: z.infer<typeof ListCyclesQuery>,
): Promise<Page<Cycle>> {
  const paging = { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) };
  const statusFilter = query.status ? { status: query.status } : {};
  if (caller.role !== 'coordinator') {
    if (query.municipalityId && query.municipalityId !== caller.municipalityId) return { items: [] };
    return deps.store.listCyclesByMunicipality(caller.municipalityId, { ...paging, ...statusFilter });
  }
  if (query.municipalityId) {
    const municipality = await deps.store.getMunicipality(query.municipalityId);
    if (!municipality || !canSeeTenant(caller, municipality)) return { items: [] };
    return deps.store.listCyclesByMunicipality(query.municipalityId, { ...paging, ...statusFilter });
  }
  const countries = query.country ? [query.country] : caller.countries;
  if (countries.some((country) => !caller.countries.includes(country))) return { items: [] };
  if (countries.length === 1) {
    return deps.store.listCyclesByCountry(countries[0] ?? '', query.status, paging);
  }
  // Several countries: one page from each (paging across countries needs a country filter).
  const pages = await Promise.all(
    countries.map((country) => deps.store.listCyclesByCountry(country, query.status, { limit: query.limit })),
  );
  return { items: pages.flatMap((page) => page.items).slice(0, query.limit) };
}

/** Body of `POST /cycles/{id}/cancel`. */
export const CancelCycleBody = z.strictObject({ reason: z.string().trim().min(1).max(1_000) });

/** Cancels a running or stalled cycle: stops its execution and cancels its open tasks (coordinators only). */
export async function cancelCycle(
  deps: Dependencies,
  caller: Caller,
  cycleId: string,
  body: z.infer<typeof CancelCycleBody>,
): Promise<Cycle> {
  const current = visibleCycle(caller, await deps.store.getCycle(cycleId), cycleId);
  if (caller.role !== 'coordinator') throw new ForbiddenError('Only a coordinator cancels cycles');
  if (!liveStatuses.has(current.status)) throw new ConflictError(`Cycle ${cycleId} is ${current.status}`);
  // Stop the workflow first, so it opens nothing new while the cycle's tasks are cancelled.
  if (current.executionId) await deps.engine.stop(current.executionId, 'Cancelled by the coordinator');
  return endCycle(deps, cycleId, 'CANCELLED', 'cycle cancelled', {
    eventId: 'cycle.cancelled',
    type: 'cycle.cancelled',
    actor: caller.role,
    data: { reason: body.reason },
  });
}
