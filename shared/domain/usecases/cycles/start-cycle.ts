import * as z from 'zod';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../errors.ts';
import { actorOf } from '../../model/actor.ts';
import { type Caller, canSeeTenant } from '../../model/caller.ts';
import type { Cycle } from '../../model/cycle.ts';
import { BoundedDuration, DateInput, horizonFrom, PLANNING_HORIZON, toInstant } from '../../model/dates.ts';
import { MunicipalityId } from '../../model/ids.ts';
import { Key } from '../../model/template-parts.ts';
import { createCycle } from '../../ops/create-cycle.ts';
import type { Ports } from '../../ports.ts';

/** Body of `POST /cycles`. */
export const StartCycleBody = z.strictObject({
  municipalityId: MunicipalityId,
  /**
   * The template; without one, the five-phase `romact-core` cycle that clients written before the whole process
   * (`romact` v2) expect. The whole process is started by naming `romact`.
   */
  templateId: Key.default('romact-core'),
  /** Dates a template may use instead of an offset, such as `fundingCallClosesAt`. */
  dates: z
    .record(
      z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'must be a date name such as "fundingCallClosesAt"'),
      DateInput,
    )
    .optional(),
  /** Per-cycle due offsets by task key (ISO-8601 durations from the phase start, at most the planning horizon). */
  dueOverrides: z.record(Key, BoundedDuration).optional(),
  /** Makes a retried start return the same cycle instead of starting a second one. */
  clientToken: z
    .string()
    .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be 1-64 letters, digits or _ . : -')
    .optional(),
  /** Start even though the municipality has a running cycle of this template. */
  parallel: z.boolean().optional(),
});
/** Body of `POST /cycles`. */
export type StartCycleBody = z.infer<typeof StartCycleBody>;

/**
 * Starts a cycle for a municipality (coordinators of its country only): one running cycle per municipality and
 * template unless the caller asks for a parallel one, idempotent with a client token. Dates mean what they mean
 * in the municipality's time zone, and lie between now and the planning horizon.
 */
export async function startCycle(
  deps: Pick<Ports, 'cycles' | 'municipalities' | 'audit' | 'engine' | 'clock' | 'templates'>,
  caller: Caller,
  body: StartCycleBody,
): Promise<Cycle> {
  if (caller.role !== 'coordinator') throw new ForbiddenError('Only a coordinator starts cycles');
  const municipality = await deps.municipalities.get(body.municipalityId);
  if (!municipality || !canSeeTenant(caller, municipality)) {
    throw new NotFoundError(`No municipality ${body.municipalityId}`, [
      { path: 'municipalityId', message: 'unknown municipality' },
    ]);
  }
  const template = deps.templates.get(body.templateId);
  if (!template) {
    throw new InvalidInputError(`Unknown template ${body.templateId}`, [
      { path: 'templateId', message: 'unknown template' },
    ]);
  }
  const now = deps.clock.now();
  const horizon = horizonFrom(now);
  const taskKeys = new Set(template.phases.flatMap((phase) => phase.tasks.map((task) => task.key)));
  const dateNames = new Set(
    template.phases.flatMap((phase) => phase.tasks.flatMap((task) => task.due.unlessDate ?? [])),
  );
  const dates = Object.fromEntries(
    Object.entries(body.dates ?? {}).map(([name, value]) => [name, toInstant(value, municipality.timeZone)]),
  );
  const issues = [
    ...Object.entries(dates).flatMap(([name, instant]) => {
      if (!dateNames.has(name))
        return [
          {
            path: `dates.${name}`,
            message: `the template uses no date "${name}" (${[...dateNames].join(', ') || 'none'})`,
          },
        ];
      if (new Date(instant) <= now) return [{ path: `dates.${name}`, message: 'must be in the future' }];
      if (new Date(instant) > horizon)
        return [
          { path: `dates.${name}`, message: `must be within the planning horizon (${PLANNING_HORIZON})` },
        ];
      return [];
    }),
    ...Object.keys(body.dueOverrides ?? {})
      .filter((key) => !taskKeys.has(key))
      .map((key) => ({ path: `dueOverrides.${key}`, message: `the template has no task "${key}"` })),
  ];
  if (issues.length) throw new InvalidInputError('Invalid cycle options', issues);

  return createCycle(
    deps,
    {
      municipality,
      template,
      dates,
      dueOverrides: body.dueOverrides ?? {},
      ...(body.clientToken ? { clientToken: body.clientToken } : {}),
      ...(body.parallel ? { parallel: true } : {}),
    },
    actorOf(caller),
  );
}
