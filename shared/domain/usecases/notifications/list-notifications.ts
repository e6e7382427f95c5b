import { ForbiddenError, UnauthenticatedError } from '../../errors.ts';
import type { Caller } from '../../model/caller.ts';
import type { Message } from '../../model/message.ts';
import type { Page, Ports } from '../../ports.ts';

/**
 * The caller's notifications, newest first; or, for a coordinator, the notifications nobody could receive in
 * their countries (a task whose assignees are nobody yet, an escalation with no coordinator), so none vanish.
 */
export async function listNotifications(
  deps: Pick<Ports, 'messages'>,
  caller: Caller,
  query: { undeliverable?: boolean | undefined; limit: number; cursor?: string | undefined },
): Promise<Page<Message>> {
  const paging = { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) };
  if (query.undeliverable) {
    if (caller.role !== 'coordinator')
      throw new ForbiddenError('Undeliverable notifications are the coordinators’');
    return deps.messages.listUndeliverable(caller.countries, paging);
  }
  if (!caller.userId) throw new UnauthenticatedError('Sign in as a person to see your notifications');
  return deps.messages.listForUser(caller.userId, paging);
}
