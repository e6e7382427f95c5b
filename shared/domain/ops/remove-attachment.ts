import type { Actor } from '../model/actor.ts';
import { type Attachment, COUNTED_STATUSES } from '../model/attachment.ts';
import type { Ports } from '../ports.ts';
import { recordEvent } from './record-event.ts';
import { updateWithRetry } from './retry.ts';

/** Deletes a file's bytes and marks it DELETED (a person's deletion, or an erasure); once. */
export async function removeAttachment(
  deps: Pick<Ports, 'attachments' | 'files' | 'audit' | 'clock'>,
  attachment: Attachment,
  why: { reason: 'deleted' | 'erased'; actor: Actor },
): Promise<Attachment> {
  if (attachment.status === 'DELETED') return attachment;
  await deps.files.delete(attachment.objectKey);
  const now = deps.clock.now().toISOString();
  let counted = false;
  const deleted = await updateWithRetry(
    async () => (await deps.attachments.get(attachment.taskId, attachment.attachmentId)) ?? attachment,
    async (current) => {
      if (current.status === 'DELETED') return current;
      counted = COUNTED_STATUSES.has(current.status);
      return deps.attachments.update(current, { status: 'DELETED', deletedAt: now });
    },
    { initial: attachment },
  );
  if (counted) await deps.attachments.releaseBytes(deleted.cycleId, deleted.size);
  await recordEvent(deps, {
    cycleId: deleted.cycleId,
    eventId: `attachment-deleted#${deleted.attachmentId}`,
    at: deleted.deletedAt ?? now,
    type: why.reason === 'erased' ? 'attachment.erased' : 'attachment.deleted',
    actor: why.actor,
    data: { taskId: deleted.taskId, attachmentId: deleted.attachmentId },
  });
  return deleted;
}
