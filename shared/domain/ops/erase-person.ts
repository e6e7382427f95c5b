import { createHash } from 'node:crypto';
import type { User } from '../model/user.ts';
import type { Ports } from '../ports.ts';
import { updateWithRetry } from './retry.ts';

/** The name an erased person's actions keep in the audit trail: stable, and nobody's. */
export const erasedName = (userId: string) =>
  `erased person ${createHash('sha256').update(userId).digest('hex').slice(0, 8)}`;

/**
 * Erases a person (the right to erasure): their addresses, name, preferences, calendar, memberships and messages
 * go, from the table and from the copies the transport keeps (the local outbox); the audit trails keep what
 * they did under a pseudonym, so the record stays intact. Who may ask is the caller's concern.
 */
export async function erasePerson(
  deps: Pick<Ports, 'users' | 'messages' | 'audit' | 'notifier' | 'clock'>,
  user: User,
): Promise<void> {
  const { userId } = user;
  for (const membership of await deps.users.memberships(userId))
    await deps.users.removeMembership(membership);
  for (const channel of user.channels) await deps.users.releaseAddress(channel.type, channel.address, userId);
  await deps.messages.eraseForUser(userId);
  await deps.audit.pseudonymize(userId, erasedName(userId));
  await deps.notifier.forget?.(user.channels.map((channel) => channel.address));
  await updateWithRetry(
    async () => (await deps.users.get(userId)) ?? user,
    (current) =>
      deps.users.update(current, {
        displayName: erasedName(userId),
        channels: [],
        preferences: {},
        calendarToken: undefined,
        activeMembershipId: undefined,
        status: 'ERASED',
        updatedAt: deps.clock.now().toISOString(),
      }),
  );
}
