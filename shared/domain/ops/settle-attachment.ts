import { type Attachment, COUNTED_STATUSES } from '../model/attachment.ts';
import { detectFileType, FILE_HEAD_BYTES, sanitizeFileName } from '../model/file-types.ts';
import type { Ports } from '../ports.ts';
import { recordEvent } from './record-event.ts';
import { updateWithRetry } from './retry.ts';

/** What settling an upload needs. */
export type SettlePorts = Pick<Ports, 'attachments' | 'files' | 'audit' | 'clock'>;

/** Why an upload was not kept, in words for the person who sent it. */
export type RejectionReason = 'missing' | 'size' | 'type' | 'expired';

/**
 * Decides what a pending upload became: STORED when the bytes arrived, are the size announced and are a type
 * the engine accepts by their content; REJECTED (the bytes deleted) when they are not; EXPIRED when the upload
 * URL ran out with nothing there; still PENDING while the URL is valid and nothing has arrived. A rejected or
 * expired file gives its bytes back to the cycle's allowance. Settling twice settles once.
 */
export async function settleAttachment(
  deps: SettlePorts,
  attachment: Attachment,
): Promise<{ attachment: Attachment; reason?: RejectionReason }> {
  if (attachment.status !== 'PENDING') return { attachment };
  const now = deps.clock.now();
  const stat = await deps.files.stat(attachment.objectKey);
  let reason: RejectionReason | undefined;
  let changes: Partial<Attachment>;
  if (!stat) {
    if (now.getTime() < Date.parse(attachment.uploadExpiresAt)) return { attachment, reason: 'missing' };
    reason = 'expired';
    changes = { status: 'EXPIRED' };
  } else if (stat.size !== attachment.size) {
    reason = 'size';
    changes = { status: 'REJECTED' };
  } else {
    const type = detectFileType(
      await deps.files.readHead(attachment.objectKey, FILE_HEAD_BYTES),
      attachment.name,
    );
    if (!type) {
      reason = 'type';
      changes = { status: 'REJECTED' };
    } else {
      changes = {
        status: 'STORED',
        contentType: type.contentType,
        name: sanitizeFileName(attachment.name, type),
        storedAt: now.toISOString(),
      };
    }
  }
  if (changes.status === 'REJECTED') await deps.files.delete(attachment.objectKey);
  let changed = false;
  const settled = await updateWithRetry(
    async () => (await deps.attachments.get(attachment.taskId, attachment.attachmentId)) ?? attachment,
    async (current) => {
      if (current.status !== 'PENDING') return current;
      changed = true;
      return deps.attachments.update(current, changes);
    },
    { initial: attachment },
  );
  if (changed && !COUNTED_STATUSES.has(settled.status))
    await deps.attachments.releaseBytes(settled.cycleId, settled.size);
  if (changed && settled.status === 'STORED') {
    await recordEvent(deps, {
      cycleId: settled.cycleId,
      eventId: `attachment-stored#${settled.attachmentId}`,
      at: settled.storedAt ?? now.toISOString(),
      type: 'attachment.stored',
      actor: settled.uploadedBy.userId
        ? {
            kind: 'person',
            userId: settled.uploadedBy.userId,
            name: settled.uploadedBy.name ?? settled.uploadedBy.userId,
            role: settled.uploadedBy.role,
          }
        : { kind: 'script', role: settled.uploadedBy.role },
      data: {
        taskId: settled.taskId,
        attachmentId: settled.attachmentId,
        name: settled.name,
        contentType: settled.contentType,
        size: settled.size,
        ...(settled.field ? { field: settled.field } : {}),
      },
    });
  }
  return { attachment: settled, ...(reason ? { reason } : {}) };
}
