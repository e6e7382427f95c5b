import { describe, expect, it } from 'vitest';
import { settleAttachment } from '#shared/domain/ops/settle-attachment.ts';
import { evidenceEnv, HTML, PDF, uploaded } from '../../../../support/evidence.ts';

describe('settleAttachment', () => {
  it('keeps a PDF under a safe name and records who stored it', async () => {
    const { env, task, staff } = await evidenceEnv();
    const pending = await uploaded(env, staff, task, PDF, { name: 'decision.pdf.exe' });
    const { attachment } = await settleAttachment(env.ports, pending);
    expect(attachment).toMatchObject({
      status: 'STORED',
      name: 'decision.pdf.exe.pdf',
      contentType: 'application/pdf',
    });
    const audit = (await env.ports.cycles.record(task.cycleId))?.audit ?? [];
    expect(audit.filter((event) => event.type === 'attachment.stored')).toHaveLength(1);
  });

  it('refuses HTML announced as a PDF: its bytes deleted and its allowance given back', async () => {
    const { env, task, staff } = await evidenceEnv();
    const pending = await uploaded(env, staff, task, HTML);
    expect(await env.ports.attachments.usedBytes(task.cycleId)).toBe(HTML.length);
    const { attachment, reason } = await settleAttachment(env.ports, pending);
    expect([attachment.status, reason]).toEqual(['REJECTED', 'type']);
    expect(env.files.objects.has(pending.objectKey)).toBe(false);
    expect(await env.ports.attachments.usedBytes(task.cycleId)).toBe(0);
  });

  it('waits while the upload URL is valid and nothing arrived, and expires it after', async () => {
    const { env, task, staff } = await evidenceEnv();
    const pending = await uploaded(env, staff, task, PDF);
    env.files.objects.delete(pending.objectKey);
    expect((await settleAttachment(env.ports, pending)).attachment.status).toBe('PENDING');
    env.clock.advance(16 * 60_000);
    expect((await settleAttachment(env.ports, pending)).attachment.status).toBe('EXPIRED');
    expect(await env.ports.attachments.usedBytes(task.cycleId)).toBe(0);
  });

  it('refuses bytes of another size than announced', async () => {
    const { env, task, staff } = await evidenceEnv();
    const pending = await uploaded(env, staff, task, PDF);
    env.files.put(pending.objectKey, new Uint8Array([...PDF, 0x20]));
    expect(await settleAttachment(env.ports, pending)).toMatchObject({ reason: 'size' });
  });
});
