import { UnauthenticatedError } from '../../errors.ts';
import type { Caller } from '../../model/caller.ts';
import type { Message } from '../../model/message.ts';
import type { Ports } from '../../ports.ts';

/**
 * Everything held about the caller, as JSON (the right of access): profile, channels, preferences, memberships,
 * the messages sent to them, what the audit trails record them doing, the files they uploaded (what, where and
 * when; the files themselves are downloaded from their tasks) and the comments they wrote.
 */
export async function exportMe(
  deps: Pick<Ports, 'users' | 'messages' | 'audit' | 'clock' | 'attachments' | 'comments'>,
  caller: Caller,
) {
  const user = caller.userId ? await deps.users.get(caller.userId) : undefined;
  if (!user) throw new UnauthenticatedError('Sign in as a person to export your data');
  const messages: Message[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.messages.listForUser(user.userId, { limit: 100, ...(cursor ? { cursor } : {}) });
    messages.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  const { calendarToken: _secret, ...profile } = user;
  return {
    exportedAt: deps.clock.now().toISOString(),
    user: profile,
    memberships: await deps.users.memberships(user.userId),
    messages,
    actions: await deps.audit.listByActor(user.userId),
    attachments: (await deps.attachments.listByUploader(user.userId)).map(
      ({ objectKey: _key, ...attachment }) => attachment,
    ),
    comments: await deps.comments.listByAuthor(user.userId),
  };
}
