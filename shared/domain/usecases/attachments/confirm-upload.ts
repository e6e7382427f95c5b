import { ConflictError, NotFoundError, RuleViolationError } from '../../errors.ts';
import type { Attachment } from '../../model/attachment.ts';
import { type Caller, visibleTask } from '../../model/caller.ts';
import { type SettlePorts, settleAttachment } from '../../ops/settle-attachment.ts';
import type { Ports } from '../../ports.ts';

const REASONS = {
  missing: 'Nothing has been uploaded yet',
  size: 'The file is not the size announced',
  type: 'The file is not a PDF, an image or an office document (its content was checked, not its name)',
  expired: 'The upload link expired before the file arrived',
} as const;

/**
 * Confirms an upload once the client has sent the bytes: the engine checks them (size, type by content) and
 * keeps the file, or deletes it and says why (422). Confirming a stored file again returns it.
 */
export async function confirmUpload(
  deps: Pick<Ports, 'tasks'> & SettlePorts,
  caller: Caller,
  taskId: string,
  attachmentId: string,
): Promise<Attachment> {
  visibleTask(caller, await deps.tasks.get(taskId), taskId);
  const attachment = await deps.attachments.get(taskId, attachmentId);
  if (!attachment || attachment.status === 'DELETED')
    throw new NotFoundError(`No attachment ${attachmentId}`);
  const { attachment: settled, reason } = await settleAttachment(deps, attachment);
  if (settled.status === 'STORED') return settled;
  if (settled.status === 'PENDING') throw new ConflictError(REASONS[reason ?? 'missing']);
  throw new RuleViolationError(REASONS[reason ?? (settled.status === 'EXPIRED' ? 'expired' : 'type')], [
    { path: 'file', message: REASONS[reason ?? (settled.status === 'EXPIRED' ? 'expired' : 'type')] },
  ]);
}
