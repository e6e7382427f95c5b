import { describe, expect, it } from 'vitest';
import { WORKFLOW_ACTOR } from '#shared/domain/model/actor.ts';
import { removeAttachment } from '#shared/domain/ops/remove-attachment.ts';
import { settleAttachment } from '#shared/domain/ops/settle-attachment.ts';
import { evidenceEnv, PDF, uploaded } from '../../../../support/evidence.ts';

describe('removeAttachment', () => {
  it('deletes the bytes, gives back the allowance once, and audits it once, however often it is asked', async () => {
    const { env, task, staff } = await evidenceEnv();
    const { attachment } = await settleAttachment(env.ports, await uploaded(env, staff, task, PDF));
    await removeAttachment(env.ports, attachment, { reason: 'erased', actor: WORKFLOW_ACTOR });
    const again = await removeAttachment(env.ports, attachment, { reason: 'erased', actor: WORKFLOW_ACTOR });
    expect(again.status).toBe('DELETED');
    expect(env.files.objects.has(attachment.objectKey)).toBe(false);
    expect(await env.ports.attachments.usedBytes(task.cycleId)).toBe(0);
    const audit = (await env.ports.cycles.record(task.cycleId))?.audit ?? [];
    expect(audit.filter((event) => event.type === 'attachment.erased')).toHaveLength(1);
  });
});
