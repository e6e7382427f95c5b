import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '#shared/domain/errors.ts';
import { addComment } from '#shared/domain/usecases/comments/add-comment.ts';
import { deleteComment } from '#shared/domain/usecases/comments/delete-comment.ts';
import { evidenceEnv } from '../../../../../support/evidence.ts';
import { callers, rejection } from '../../../../../support/unit-ports.ts';

describe('deleteComment', () => {
  it('lets the author or a coordinator remove a comment, leaving a placeholder that says who removed it', async () => {
    const { env, task, staff, cag } = await evidenceEnv();
    const comment = await addComment(env.ports, staff, task.taskId, { text: 'Remove me' });
    expect(await rejection(deleteComment(env.ports, cag, task.taskId, comment.commentId))).toBeInstanceOf(
      ForbiddenError,
    );
    const removed = await deleteComment(env.ports, callers.coordinator, task.taskId, comment.commentId);
    expect(removed).toMatchObject({ status: 'DELETED', text: '', deletedBy: { role: 'coordinator' } });
    expect((await env.ports.comments.listByTask(task.taskId)).map((one) => one.status)).toEqual(['DELETED']);
  });
});
