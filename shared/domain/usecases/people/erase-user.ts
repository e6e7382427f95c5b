import { createHash } from 'node:crypto';
import { ForbiddenError, NotFoundError } from '../../errors.ts';
import type { Caller } from '../../model/caller.ts';
import { updateWithRetry } from '../../ops/retry.ts';
import type { Ports } from '../../ports.ts';

/** The name an erased person's actions keep in the audit trail: stable, and nobody's. */
export const erasedName = (userId: string) =>
  `erased person ${createHash('sha256').update(userId).digest('hex').slice(0, 8)}`;

/**
 * Erases a person (the right to erasure): their addresses, name, preferences, calendar, memberships and messages
 * go; the audit trails keep what they did under a pseudonym, so the record stays intact. The person themselves,
 * or a coordinator of a country they are a member in, may do it. The directory forgets them too.
 */
export async function eraseUser(
  deps: Pick<Ports, 'users' | 'messages' | 'audit' | 'notifier' | 'clock'> &
    Partial<Pick<Ports, 'directory'>>,
  caller: Caller,
  userId: string,
): Promise<{ erased: true }> {
  const user = await deps.users.get(userId);
  if (!user) throw new NotFoundError(`No person ${userId}`);
  const memberships = await deps.users.memberships(userId);
  const countries = new Set(
    memberships.flatMap((one) => (one.role === 'coordinator' ? one.countries : [one.country])),
  );
  const mayErase =
    caller.userId === userId ||
    (caller.role === 'coordinator' && caller.countries.some((country) => countries.has(country)));
  if (!mayErase) {
    // Somebody of the same municipality learns that only the person or a coordinator may; anyone else, nothing.
    const sameMunicipality =
      caller.role !== 'coordinator' &&
      memberships.some((one) => one.role !== 'coordinator' && one.municipalityId === caller.municipalityId);
    if (sameMunicipality) throw new ForbiddenError('Only the person or their coordinator erases them');
    throw new NotFoundError(`No person ${userId}`);
  }
  // First out of the directory (Cognito on AWS): their sessions end and no address of theirs signs anyone in. If
  // this fails nothing is erased yet, and erasing again starts over (removing someone already gone is a no-op).
  await deps.directory?.remove(userId);
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
  // The memberships go last: they are what lets a coordinator find the person again, so an erasure that failed
  // half-way (a timeout, a throttled write) can be run again until it is complete.
  for (const membership of memberships) await deps.users.removeMembership(membership);
  return { erased: true };
}
