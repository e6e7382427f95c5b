import { z } from 'zod';
import { isPositiveDuration } from '../../duration.ts';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../errors.ts';
import { type Caller, canSeeTenant } from '../../model/caller.ts';
import type { Cycle } from '../../model/cycle.ts';
import { toInstant } from '../../model/deadlines.ts';
import { createCycle } from '../../ops/create-cycle.ts';
import type { Ports } from '../../ports.ts';

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

/** Starts a cycle for a municipality (coordinators of its country only). Idempotent with a client token. */
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

  return createCycle(
    deps,
    {
      municipality,
      template,
      dates: Object.fromEntries(
        Object.entries(body.dates ?? {}).map(([name, value]) => [name, toInstant(value)]),
      ),
      dueOverrides: body.dueOverrides ?? {},
      ...(body.clientToken ? { clientToken: body.clientToken } : {}),
    },
    caller.role,
  );
}
