import * as z from 'zod';
import { NotFoundError, UnauthenticatedError } from '../errors.ts';
import type { Cycle } from './cycle.ts';
import { Role } from './roles.ts';
import type { Task } from './task.ts';

/** Who acts, when a person does (absent for a script token). */
const Person = {
  userId: z.string().min(1).optional(),
  name: z.string().optional(),
  membershipId: z.string().min(1).optional(),
};

/**
 * Who is calling, from the JWT claims (API Gateway's JWT authorizer on AWS, the local verifier offline): a
 * coordinator acts within their countries; municipal staff and CAG members within their municipality. A person
 * carries their user id, name and the membership they act in; a script token (local automation) only a role.
 */
export const Caller = z.discriminatedUnion('role', [
  z.object({
    role: z.literal('coordinator'),
    countries: z.array(z.string().regex(/^[A-Z]{2}$/)).min(1),
    ...Person,
  }),
  z.object({ role: z.literal('municipality'), municipalityId: z.string().min(1), ...Person }),
  z.object({ role: z.literal('cag'), municipalityId: z.string().min(1), ...Person }),
]);
/** An authenticated caller. */
export type Caller = z.infer<typeof Caller>;

/**
 * The claims the handlers read (all strings, as API Gateway passes them). Both sides issue the same names: the
 * local sign-in, and Cognito's pre-token-generation trigger (`claimsFor` below makes both).
 */
export const Claims = z.object({
  role: Role,
  municipality: z.string().optional(),
  countries: z.string().optional(),
  sub: z.string().optional(),
  name: z.string().optional(),
  membership: z.string().optional(),
});
/** The claims of an access token. */
export type Claims = z.infer<typeof Claims>;

/** Reads the caller from JWT claims; anything unusable is 401. */
export function callerFromClaims(claims: unknown): Caller {
  const raw = (claims ?? {}) as Record<string, unknown>;
  const parsed = Claims.safeParse(raw);
  if (!parsed.success) throw new UnauthenticatedError('Missing or invalid credentials');
  const { role, municipality, countries, sub, name, membership } = parsed.data;
  // A person's token names the membership it acts in; a script token (no membership) names no person.
  const person =
    membership && sub ? { userId: sub, membershipId: membership, ...(name ? { name } : {}) } : {};
  const caller = Caller.safeParse(
    role === 'coordinator'
      ? { role, countries: (countries ?? '').split(/[\s,]+/).filter(Boolean), ...person }
      : { role, municipalityId: municipality, ...person },
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
