import { ForbiddenError, NotFoundError } from '../../errors.ts';
import { actorOf } from '../../model/actor.ts';
import type { Attachment } from '../../model/attachment.ts';
import { type Caller, visibleTask } from '../../model/caller.ts';
import { removeAttachment } from '../../ops/remove-attachment.ts';
import type { Ports } from '../../ports.ts';

/**
 * Removes a file: its uploader or a coordinator may. The bytes go at once and give back their allowance; the
 * metadata stays as DELETED so the audit trail's "who uploaded what" still points somewhere. Deleting twice
 * deletes once.
 */
export async function deleteAttachment(
  deps: Pick<Ports, 'tasks' | 'attachments' | 'files' | 'audit' | 'clock'>,
  caller: Caller,
  taskId: string,
  attachmentId: string,
): Promise<Attachment> {
  visibleTask(caller, await deps.tasks.get(taskId), taskId);
  const attachment = await deps.attachments.get(taskId, attachmentId);
  if (!attachment) throw new NotFoundError(`No attachment ${attachmentId}`);
  const own = caller.userId !== undefined && caller.userId === attachment.uploadedBy.userId;
  if (!own && caller.role !== 'coordinator')
    throw new ForbiddenError('Only the person who uploaded a file, or a coordinator, removes it');
  return removeAttachment(deps, attachment, { reason: 'deleted', actor: actorOf(caller) });
}
