import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '#shared/domain/errors.ts';
import { checkMentions, notifyMentions } from '#shared/domain/ops/comment-mentions.ts';
import { evidenceEnv } from '../../../../support/evidence.ts';
import { commentFixture } from '../../../../support/fixtures.ts';
import { rejection } from '../../../../support/unit-ports.ts';

describe('checkMentions', () => {
  it('takes the municipality’s members and its country’s coordinators, and names any other mention', async () => {
    const { env, task, cag } = await evidenceEnv();
    const coordinator = (await env.ports.users.coordinatorsOf('BG'))[0]?.userId ?? '';
    await checkMentions(env.ports, task, [cag.userId, coordinator]);
    const error = await rejection(checkMentions(env.ports, task, [cag.userId, 'usr-00000000000000000000']));
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.fields).toEqual([{ path: 'mentions.1', message: expect.any(String) }]);
  });
});

describe('notifyMentions', () => {
  it('tells the people mentioned, in their language, and never the author', async () => {
    const { env, task, staff, cag } = await evidenceEnv();
    const comment = commentFixture(task.taskId, 'cmt-0123456789abcdef01234567', {
      author: { userId: staff.userId, name: staff.name, role: 'municipality' },
    });
    await notifyMentions(env.ports, task, comment, [cag.userId, staff.userId]);
    const mentions = async (userId: string) =>
      (await env.ports.messages.listForUser(userId, { limit: 20 })).items.filter((message) =>
        message.kinds.includes('mentioned'),
      );
    const told = await mentions(cag.userId);
    expect(told).toHaveLength(1);
    expect(told[0]?.text).toContain(staff.name);
    expect(await mentions(staff.userId)).toEqual([]);
  });
});
