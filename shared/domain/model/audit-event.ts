import * as z from 'zod';
import { Actor } from './actor.ts';
import { Instant } from './instant.ts';

/** One entry of a cycle's append-only audit trail. */
export const AuditEvent = z.object({
  cycleId: z.string(),
  eventId: z.string(),
  at: Instant,
  type: z.string(),
  actor: Actor,
  data: z.record(z.string(), z.unknown()).default({}),
});
/** One entry of a cycle's audit trail. */
export type AuditEvent = z.infer<typeof AuditEvent>;

/** The people an event names: who acted, and for whom. */
export function peopleOf(event: Pick<AuditEvent, 'actor'>): string[] {
  const { actor } = event;
  if (typeof actor === 'string' || actor.kind !== 'person') return [];
  return [actor.userId, ...(actor.onBehalfOf ?? []).map((person) => person.userId)];
}

/** The event with a person's name replaced wherever it names them. */
export function withPseudonym(event: AuditEvent, userId: string, pseudonym: string): AuditEvent {
  const { actor } = event;
  if (typeof actor === 'string' || actor.kind !== 'person') return event;
  return {
    ...event,
    actor: {
      ...actor,
      ...(actor.userId === userId ? { name: pseudonym } : {}),
      ...(actor.onBehalfOf
        ? {
            onBehalfOf: actor.onBehalfOf.map((person) =>
              person.userId === userId ? { ...person, name: pseudonym } : person,
            ),
          }
        : {}),
    },
  };
}
