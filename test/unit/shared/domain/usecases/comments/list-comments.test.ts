import { describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/domain/errors.ts';
import { addComment } from '#shared/domain/usecases/comments/add-comment.ts';
import { listComments } from '#shared/domain/usecases/comments/list-comments.ts';
import { evidenceEnv } from '../../../../../support/evidence.ts';
import { callers, rejection } from '../../../../../support/unit-ports.ts';

describe('listComments', () => {
  it('gives the thread oldest first to the task’s tenant, and a 404 to anyone else', async () => {
    const { env, task, staff, cag } = await evidenceEnv();
    await addComment(env.ports, staff, task.taskId, { text: 'First' });
    env.clock.advance(60_000);
    await addComment(env.ports, cag, task.taskId, { text: 'Second' });
    expect((await listComments(env.ports, callers.coordinator, task.taskId)).map((one) => one.text)).toEqual([
      'First',
      'Second',
    ]);
    expect(await rejection(listComments(env.ports, callers.otherMunicipality, task.taskId))).toBeInstanceOf(
      NotFoundError,
    );
  });
});
