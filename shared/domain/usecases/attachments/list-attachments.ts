import type { Attachment } from '../../model/attachment.ts';
import { type Caller, visibleTask } from '../../model/caller.ts';
import { type SettlePorts, settleAttachment } from '../../ops/settle-attachment.ts';
import type { Ports } from '../../ports.ts';

/**
 * The files of a task the caller can see: stored ones, and uploads still in progress. Uploads whose URL has
 * run out are settled on the way (kept if the bytes arrived and pass the checks), so a file is never stuck
 * pending and an abandoned upload gives its bytes back.
 */
export async function listAttachments(
  deps: Pick<Ports, 'tasks'> & SettlePorts,
  caller: Caller,
  taskId: string,
): Promise<Attachment[]> {
  visibleTask(caller, await deps.tasks.get(taskId), taskId);
  const now = deps.clock.now().getTime();
  const listed: Attachment[] = [];
  for (const attachment of await deps.attachments.listByTask(taskId)) {
    const current =
      attachment.status === 'PENDING' && Date.parse(attachment.uploadExpiresAt) <= now
        ? (await settleAttachment(deps, attachment)).attachment
        : attachment;
    if (current.status === 'STORED' || current.status === 'PENDING') listed.push(current);
  }
  return listed;
}
