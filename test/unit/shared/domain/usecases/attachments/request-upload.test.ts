import { describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError, RuleViolationError } from '#shared/domain/errors.ts';
import { requestUpload } from '#shared/domain/usecases/attachments/request-upload.ts';
import { evidenceEnv } from '../../../../../support/evidence.ts';
import { callers, rejection } from '../../../../../support/unit-ports.ts';

const file = { name: 'minutes.pdf', contentType: 'application/pdf', size: 1_000 };

describe('requestUpload', () => {
  it('records a pending file and signs an upload of exactly its size and type', async () => {
    const { env, task, cag } = await evidenceEnv();
    const { attachment, upload } = await requestUpload(env.ports, cag, task.taskId, file);
    expect(attachment).toMatchObject({ status: 'PENDING', size: 1_000, uploadedBy: { userId: cag.userId } });
    expect(upload).toMatchObject({ method: 'PUT', headers: { 'content-type': 'application/pdf' } });
    expect(upload.url).toContain(attachment.objectKey);
  });

  it('names the size and the type when they are out of bounds, and writes nothing', async () => {
    const { env, task, staff } = await evidenceEnv();
    const tooLarge = await rejection(
      requestUpload(env.ports, staff, task.taskId, { ...file, size: 21 * 1024 * 1024 }),
    );
    expect(tooLarge).toBeInstanceOf(InvalidInputError);
    expect(tooLarge.fields.map((one: { path: string }) => one.path)).toEqual(['size']);
    const script = await rejection(
      requestUpload(env.ports, staff, task.taskId, { ...file, contentType: 'text/html' }),
    );
    expect(script.fields.map((one: { path: string }) => one.path)).toEqual(['contentType']);
    expect(await env.ports.attachments.listByTask(task.taskId)).toEqual([]);
  });

  it('lets racing uploads fill the cycle’s allowance but never pass it', async () => {
    const { env, task, staff } = await evidenceEnv();
    env.ports.settings.attachmentLimits = { maxFileBytes: 1_000, maxCycleBytes: 3_000, maxFilesPerTask: 50 };
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => requestUpload(env.ports, staff, task.taskId, file)),
    );
    expect(results.filter((one) => one.status === 'fulfilled')).toHaveLength(3);
    const refused = results.find((one) => one.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(RuleViolationError);
    expect(await env.ports.attachments.usedBytes(task.cycleId)).toBe(3_000);
  });

  it('returns the same upload for a repeated client token, counting its bytes once', async () => {
    const { env, task, staff } = await evidenceEnv();
    const first = await requestUpload(env.ports, staff, task.taskId, { ...file, clientToken: 'retry-0001' });
    const again = await requestUpload(env.ports, staff, task.taskId, { ...file, clientToken: 'retry-0001' });
    expect(again.attachment.attachmentId).toBe(first.attachment.attachmentId);
    expect(await env.ports.attachments.usedBytes(task.cycleId)).toBe(1_000);
  });

  it('answers another tenant with the same 404 as an unknown task', async () => {
    const { env, task } = await evidenceEnv();
    expect(
      await rejection(requestUpload(env.ports, callers.otherMunicipality, task.taskId, file)),
    ).toBeInstanceOf(NotFoundError);
  });
});
