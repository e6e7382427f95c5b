import { describe, expect, it } from 'vitest';
import { InvalidInputError, NotFoundError } from '#shared/domain/errors.ts';
import { addComment } from '#shared/domain/usecases/comments/add-comment.ts';
import { evidenceEnv } from '../../../../../support/evidence.ts';
import { callers, rejection } from '../../../../../support/unit-ports.ts';

describe('addComment', () => {
  it('adds a comment as written, in its author’s language, tells the people mentioned, and audits it without its text', async () => {
    const { env, task, staff, cag } = await evidenceEnv();
    const comment = await addComment(env.ports, staff, task.taskId, {
      text: 'Please check the numbers',
      mentions: [cag.userId],
    });
    expect(comment).toMatchObject({
      text: 'Please check the numbers',
      locale: 'bg',
      author: { userId: staff.userId },
    });
    expect((await env.ports.messages.listForUser(cag.userId, { limit: 5 })).items).toHaveLength(1);
    const audit = (await env.ports.cycles.record(task.cycleId))?.audit ?? [];
    const added = audit.filter((event) => event.type === 'comment.added');
    expect(added).toHaveLength(1);
    expect(JSON.stringify(added)).not.toContain('Please check');
  });

  it('posts once for a repeated client token', async () => {
    const { env, task, staff } = await evidenceEnv();
    const body = { text: 'Once', clientToken: 'retry-comment-1' };
    const first = await addComment(env.ports, staff, task.taskId, body);
    const again = await addComment(env.ports, staff, task.taskId, body);
    expect(again.commentId).toBe(first.commentId);
    expect(await env.ports.comments.listByTask(task.taskId)).toHaveLength(1);
  });

  it('refuses an empty text by its field, and another tenant with a 404', async () => {
    const { env, task, staff } = await evidenceEnv();
    const empty = await rejection(addComment(env.ports, staff, task.taskId, { text: '  ' }));
    expect(empty).toBeInstanceOf(InvalidInputError);
    expect(empty.fields[0].path).toBe('text');
    expect(
      await rejection(addComment(env.ports, callers.otherCag, task.taskId, { text: 'x' })),
    ).toBeInstanceOf(NotFoundError);
  });
});
