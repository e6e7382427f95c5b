import { describe, expect, it } from 'vitest';
import { ForbiddenError, NotFoundError } from '#shared/domain/errors.ts';
import { deleteAttachment } from '#shared/domain/usecases/attachments/delete-attachment.ts';
import { evidenceEnv, PDF, uploaded } from '../../../../../support/evidence.ts';
import { callers, rejection } from '../../../../../support/unit-ports.ts';

describe('deleteAttachment', () => {
  it('lets the uploader and a coordinator remove a file, nobody else of the tenant', async () => {
    const { env, task, staff, cag } = await evidenceEnv();
    const first = await uploaded(env, staff, task, PDF);
    expect(await rejection(deleteAttachment(env.ports, cag, task.taskId, first.attachmentId))).toBeInstanceOf(
      ForbiddenError,
    );
    expect((await deleteAttachment(env.ports, staff, task.taskId, first.attachmentId)).status).toBe(
      'DELETED',
    );
    const second = await uploaded(env, staff, task, PDF);
    expect(
      (await deleteAttachment(env.ports, callers.coordinator, task.taskId, second.attachmentId)).status,
    ).toBe('DELETED');
    expect(
      await rejection(
        deleteAttachment(env.ports, callers.otherCoordinator, task.taskId, second.attachmentId),
      ),
    ).toBeInstanceOf(NotFoundError);
  });
});
