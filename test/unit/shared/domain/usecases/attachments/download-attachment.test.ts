import { describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/domain/errors.ts';
import { settleAttachment } from '#shared/domain/ops/settle-attachment.ts';
import { downloadAttachment } from '#shared/domain/usecases/attachments/download-attachment.ts';
import { evidenceEnv, PDF, uploaded } from '../../../../../support/evidence.ts';
import { callers, rejection } from '../../../../../support/unit-ports.ts';

describe('downloadAttachment', () => {
  it('hands out a short-lived link to a stored file only, to its tenant only', async () => {
    const { env, task, staff, cag } = await evidenceEnv();
    const pending = await uploaded(env, staff, task, PDF);
    expect(
      await rejection(downloadAttachment(env.ports, cag, task.taskId, pending.attachmentId)),
    ).toBeInstanceOf(NotFoundError);
    await settleAttachment(env.ports, pending);
    const { download } = await downloadAttachment(env.ports, cag, task.taskId, pending.attachmentId);
    expect(download.method).toBe('GET');
    expect(Date.parse(download.expiresAt) - env.clock.now().getTime()).toBeLessThanOrEqual(5 * 60_000);
    expect(
      await rejection(downloadAttachment(env.ports, callers.otherCag, task.taskId, pending.attachmentId)),
    ).toBeInstanceOf(NotFoundError);
  });
});
