import * as z from 'zod';
import type { Caller } from './caller.ts';

/**
 * Who did something, as the audit trail records it: a person (their id, their name at the time, the role and
 * membership they acted in, and whom they acted for when they entered it on someone's behalf), the workflow
 * itself, or a script token (local automation, no person).
 */
export const Actor = z.union([
  z.object({
    kind: z.literal('person'),
    userId: z.string(),
    name: z.string(),
    role: z.string(),
    membershipId: z.string().optional(),
    onBehalfOf: z.array(z.object({ userId: z.string(), name: z.string() })).optional(),
  }),
  z.object({ kind: z.literal('workflow') }),
  z.object({ kind: z.literal('script'), role: z.string() }),
  // Events recorded before people existed name only a role.
  z.string(),
]);
/** Who did something. */
export type Actor = z.infer<typeof Actor>;

/** The workflow acting on its own (timers, phase changes). */
export const WORKFLOW_ACTOR: Actor = { kind: 'workflow' };

/** The actor a caller's request is recorded as. */
export function actorOf(caller: Caller): Actor {
  return caller.userId
    ? {
        kind: 'person',
        userId: caller.userId,
        name: caller.name ?? caller.userId,
        role: caller.role,
        ...(caller.membershipId ? { membershipId: caller.membershipId } : {}),
      }
    : { kind: 'script', role: caller.role };
}
