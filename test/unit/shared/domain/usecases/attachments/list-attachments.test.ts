import { describe, expect, it } from 'vitest';
import { deleteAttachment } from '#shared/domain/usecases/attachments/delete-attachment.ts';
import { listAttachments } from '#shared/domain/usecases/attachments/list-attachments.ts';
import { evidenceEnv, PDF, uploaded } from '../../../../../support/evidence.ts';

describe('listAttachments', () => {
  it('settles uploads whose URL ran out (kept if their bytes arrived) and leaves out removed files', async () => {
    const { env, task, staff, cag } = await evidenceEnv();
    const arrived = await uploaded(env, staff, task, PDF);
    const abandoned = await uploaded(env, staff, task, PDF);
    env.files.objects.delete(abandoned.objectKey);
    const removed = await uploaded(env, staff, task, PDF);
    await deleteAttachment(env.ports, staff, task.taskId, removed.attachmentId);
    env.clock.advance(16 * 60_000);
    const listed = await listAttachments(env.ports, cag, task.taskId);
    expect(listed.map((one) => [one.attachmentId, one.status])).toEqual([[arrived.attachmentId, 'STORED']]);
    expect(await env.ports.attachments.usedBytes(task.cycleId)).toBe(PDF.length);
  });
});
