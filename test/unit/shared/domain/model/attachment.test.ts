import { describe, expect, it } from 'vitest';
import {
  AttachmentId,
  attachmentObjectKey,
  cycleFilesPrefix,
  OutputField,
} from '#shared/domain/model/attachment.ts';

describe('Attachment', () => {
  it('keeps every file of a cycle under the cycle’s prefix, by ids only (no name in a key)', () => {
    const key = attachmentObjectKey({
      cycleId: 'cyc-0123456789abcdef0123',
      taskId: 'cyc-0123456789abcdef0123.needs-assessment.r0',
      attachmentId: 'att-0123456789abcdef01234567',
    });
    expect(key.startsWith(cycleFilesPrefix('cyc-0123456789abcdef0123'))).toBe(true);
    expect(key).toBe(
      'cycles/cyc-0123456789abcdef0123/cyc-0123456789abcdef0123.needs-assessment.r0/att-0123456789abcdef01234567',
    );
  });

  it('takes only its own id pattern and output fields as dotted paths', () => {
    expect(AttachmentId.safeParse('att-0123456789abcdef01234567').success).toBe(true);
    expect(AttachmentId.safeParse('../att').success).toBe(false);
    expect(OutputField.safeParse('applications.0.documents').success).toBe(true);
    expect(OutputField.safeParse('../x').success).toBe(false);
    expect(OutputField.safeParse('__proto__.x').success).toBe(false);
  });
});
