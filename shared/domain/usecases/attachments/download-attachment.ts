import { NotFoundError } from '../../errors.ts';
import type { Attachment } from '../../model/attachment.ts';
import { type Caller, visibleTask } from '../../model/caller.ts';
import type { Ports, SignedRequest } from '../../ports.ts';

/** How long a download URL is valid: enough to start the download, short enough not to be worth sharing. */
export const DOWNLOAD_URL_SECONDS = 5 * 60;

/** A stored file of a task the caller can see, and a short-lived URL that downloads it under its own name. */
export async function downloadAttachment(
  deps: Pick<Ports, 'tasks' | 'attachments' | 'files'>,
  caller: Caller,
  taskId: string,
  attachmentId: string,
): Promise<{ attachment: Attachment; download: SignedRequest }> {
  visibleTask(caller, await deps.tasks.get(taskId), taskId);
  const attachment = await deps.attachments.get(taskId, attachmentId);
  if (!attachment || attachment.status !== 'STORED') throw new NotFoundError(`No attachment ${attachmentId}`);
  const download = await deps.files.downloadUrl(
    attachment.objectKey,
    { name: attachment.name, contentType: attachment.contentType ?? 'application/octet-stream' },
    DOWNLOAD_URL_SECONDS,
  );
  return { attachment, download };
}
