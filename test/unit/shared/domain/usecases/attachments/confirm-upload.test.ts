import { describe, expect, it } from 'vitest';
import { ConflictError, NotFoundError, RuleViolationError } from '#shared/domain/errors.ts';
import { confirmUpload } from '#shared/domain/usecases/attachments/confirm-upload.ts';
import { evidenceEnv, HTML, PDF, uploaded } from '../../../../../support/evidence.ts';
import { callers, rejection } from '../../../../../support/unit-ports.ts';

describe('confirmUpload', () => {
  it('keeps a file whose content is a PDF, and returns it again when confirmed twice', async () => {
    const { env, task, staff } = await evidenceEnv();
    const pending = await uploaded(env, staff, task, PDF);
    expect((await confirmUpload(env.ports, staff, task.taskId, pending.attachmentId)).status).toBe('STORED');
    expect((await confirmUpload(env.ports, staff, task.taskId, pending.attachmentId)).status).toBe('STORED');
  });

  it('says nothing has arrived yet (409), and refuses other content naming the file (422)', async () => {
    const { env, task, staff } = await evidenceEnv();
    const pending = await uploaded(env, staff, task, PDF);
    env.files.objects.delete(pending.objectKey);
    expect(
      await rejection(confirmUpload(env.ports, staff, task.taskId, pending.attachmentId)),
    ).toBeInstanceOf(ConflictError);
    const html = await uploaded(env, staff, task, HTML);
    const refused = await rejection(confirmUpload(env.ports, staff, task.taskId, html.attachmentId));
    expect(refused).toBeInstanceOf(RuleViolationError);
    expect(refused.fields[0].path).toBe('file');
  });

  it('answers another tenant with a 404', async () => {
    const { env, task, staff } = await evidenceEnv();
    const pending = await uploaded(env, staff, task, PDF);
    expect(
      await rejection(confirmUpload(env.ports, callers.otherCag, task.taskId, pending.attachmentId)),
    ).toBeInstanceOf(NotFoundError);
  });
});
