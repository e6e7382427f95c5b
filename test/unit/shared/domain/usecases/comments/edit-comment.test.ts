import { describe, expect, it } from 'vitest';
import { ForbiddenError } from '#shared/domain/errors.ts';
import { addComment } from '#shared/domain/usecases/comments/add-comment.ts';
import { editComment } from '#shared/domain/usecases/comments/edit-comment.ts';
import { evidenceEnv } from '../../../../../support/evidence.ts';
import { rejection } from '../../../../../support/unit-ports.ts';

describe('editComment', () => {
  it('lets only the author edit, counts the edits, and tells only the people newly mentioned', async () => {
    const { env, task, staff, cag, cagTwo } = await evidenceEnv();
    const comment = await addComment(env.ports, staff, task.taskId, {
      text: 'Draft',
      mentions: [cag.userId],
    });
    expect(
      await rejection(editComment(env.ports, cag, task.taskId, comment.commentId, { text: 'x' })),
    ).toBeInstanceOf(ForbiddenError);
    const edited = await editComment(env.ports, staff, task.taskId, comment.commentId, {
      text: 'Final',
      mentions: [cag.userId, cagTwo.userId],
    });
    expect(edited).toMatchObject({ text: 'Final', edits: 1 });
    expect((await env.ports.messages.listForUser(cag.userId, { limit: 5 })).items).toHaveLength(1);
    expect((await env.ports.messages.listForUser(cagTwo.userId, { limit: 5 })).items).toHaveLength(1);
    const types = ((await env.ports.cycles.record(task.cycleId))?.audit ?? []).map((event) => event.type);
    expect(types).toContain('comment.edited');
  });
});
