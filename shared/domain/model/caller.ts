import { z } from 'zod';
import { NotFoundError, UnauthenticatedError } from '../errors.ts';
import type { Cycle } from './cycle.ts';
import { Role } from './roles.ts';
import type { Task } from './task.ts';

/**
 * Who is calling, from the JWT claims (API Gateway's JWT authorizer on AWS, the local HS256 verifier offline):
 * a coordinator acts within their countries; a municipality or CAG token within its municipality.
 */
export const Caller = z.discriminatedUnion('role', [
  z.object({ role: z.literal('coordinator'), countries: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1) }),
  z.object({ role: z.literal('municipality'), municipalityId: z.string().min(1) }),
  z.object({ role: z.literal('cag'), municipalityId: z.string().min(1) }),
]);
/** An authenticated caller. */
export type Caller = z.infer<typeof Caller>;

/** The claims the handlers read (all strings, as API Gateway passes them). */
export const Claims = z.object({
  role: Role,
  municipality: z.string().optional(),
  countries: z.string().optional(),
});

/** Reads the caller from JWT claims; anything unusable is 401. */
export function callerFromClaims(claims: unknown): Caller {
  // Cognito puts custom attributes in ID tokens as `custom:<name>`.
  const raw = (claims ?? {}) as Record<string, unknown>;
  const parsed = Claims.safeParse({
    role: raw.role ?? raw['custom:role'],
    municipality: raw.municipality ?? raw['custom:municipality'],
    countries: raw.countries ?? raw['custom:countries'],
  });
  if (!parsed.success) throw new UnauthenticatedError('Missing or invalid credentials');
  const { role, municipality, countries } = parsed.data;
  const caller = Caller.safeParse(
    role === 'coordinator'
      ? { role, countries: (countries ?? '').split(/[\s,]+/).filter(Boolean) }
      : { role, municipalityId: municipality },
  );
  if (!caller.success) throw new UnauthenticatedError('The token does not say which tenant it acts for');
  return caller.data;
}

/** May the caller see things of this municipality (in this country)? */
export function canSeeTenant(caller: Caller, tenant: { municipalityId: string; country: string }): boolean {
  return caller.role === 'coordinator'
    ? caller.countries.includes(tenant.country)
    : caller.municipalityId === tenant.municipalityId;
}

/** Returns the cycle if the caller may see it; otherwise the same 404 as an unknown id. */
export function visibleCycle(caller: Caller, cycle: Cycle | undefined, cycleId: string): Cycle {
  if (!cycle || !canSeeTenant(caller, cycle)) throw new NotFoundError(`No cycle ${cycleId}`);
  return cycle;
}

/** Returns the task if the caller may see it; otherwise the same 404 as an unknown id. */
export function visibleTask(caller: Caller, task: Task | undefined, taskId: string): Task {
  if (!task || !canSeeTenant(caller, task)) throw new NotFoundError(`No task ${taskId}`);
  return task;
}
