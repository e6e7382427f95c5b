import { createHash, randomBytes } from 'node:crypto';
import * as z from 'zod';
import { ConflictError, fieldIssues, InvalidInputError, RuleViolationError } from '../../errors.ts';
import {
  type Attachment,
  attachmentObjectKey,
  COUNTED_STATUSES,
  DEFAULT_ATTACHMENT_LIMITS,
  OutputField,
} from '../../model/attachment.ts';
import { type Caller, visibleTask } from '../../model/caller.ts';
import { ACCEPTED_FILE_TYPES } from '../../model/file-types.ts';
import type { Ports, SignedRequest } from '../../ports.ts';

/** How long an upload URL is valid: long enough for a 20 MB file on a slow mobile line. */
export const UPLOAD_URL_SECONDS = 15 * 60;

/** What a person announces before uploading a file. */
export const UploadRequest = z.strictObject({
  /** The file's name on their device (sanitised before it is shown to anyone). */
  name: z.string().trim().min(1).max(255),
  contentType: z
    .string()
    .refine(
      (type) => ACCEPTED_FILE_TYPES.some((accepted) => accepted.contentType === type),
      'must be a PDF, an image (PNG, JPEG, WebP) or an office document',
    ),
  size: z.int().min(1, 'must be at least 1 byte'),
  field: OutputField.optional(),
  personal: z.boolean().optional(),
  /** Makes a retried request return the same upload (a token of the client's choosing). */
  clientToken: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional(),
});
/** What a person announces before uploading a file. */
export type UploadRequest = z.infer<typeof UploadRequest>;

/**
 * Starts an upload to a task the caller can see: checks the announced size and type against the limits,
 * counts the bytes against the cycle's allowance (racing uploads cannot pass it together), records the file as
 * PENDING and returns a short-lived URL that accepts exactly those bytes. The type is checked again, by
 * content, when the upload is confirmed.
 */
export async function requestUpload(
  deps: Pick<Ports, 'tasks' | 'attachments' | 'files' | 'clock' | 'settings'>,
  caller: Caller,
  taskId: string,
  body: unknown,
): Promise<{ attachment: Attachment; upload: SignedRequest }> {
  const task = visibleTask(caller, await deps.tasks.get(taskId), taskId);
  const parsed = UploadRequest.safeParse(body);
  if (!parsed.success) throw new InvalidInputError('Invalid upload', fieldIssues(parsed.error.issues));
  const request = parsed.data;
  const limits = deps.settings.attachmentLimits ?? DEFAULT_ATTACHMENT_LIMITS;
  if (request.size > limits.maxFileBytes)
    throw new InvalidInputError('The file is too large', [
      { path: 'size', message: `must be at most ${limits.maxFileBytes} bytes` },
    ]);
  if (task.status === 'CANCELLED')
    throw new ConflictError(`Task ${taskId} was withdrawn: it takes no more files`);

  const attachmentId = request.clientToken
    ? `att-${createHash('sha256')
        .update(`${taskId}\u0000${caller.userId ?? caller.role}\u0000${request.clientToken}`)
        .digest('hex')
        .slice(0, 24)}`
    : `att-${randomBytes(12).toString('hex')}`;
  const existing = await deps.attachments.get(taskId, attachmentId);
  if (existing) return { attachment: existing, upload: await uploadOf(deps, existing) };

  const onTask = (await deps.attachments.listByTask(taskId)).filter((one) =>
    COUNTED_STATUSES.has(one.status),
  );
  if (onTask.length >= limits.maxFilesPerTask)
    throw new RuleViolationError(`A task holds at most ${limits.maxFilesPerTask} files`, []);
  if (!(await deps.attachments.reserveBytes(task.cycleId, request.size, limits.maxCycleBytes)))
    throw new RuleViolationError(
      `The cycle's files would exceed ${Math.floor(limits.maxCycleBytes / 1024 / 1024)} MB`,
      [{ path: 'size', message: 'does not fit in what is left of the cycle’s allowance' }],
    );
  const now = deps.clock.now();
  const attachment: Attachment = {
    attachmentId,
    taskId,
    cycleId: task.cycleId,
    municipalityId: task.municipalityId,
    country: task.country,
    ...(request.field ? { field: request.field } : {}),
    name: request.name,
    declaredType: request.contentType,
    size: request.size,
    status: 'PENDING',
    ...(request.personal ? { personal: true } : {}),
    uploadedBy: {
      ...(caller.userId ? { userId: caller.userId } : {}),
      ...(caller.name ? { name: caller.name } : {}),
      role: caller.role,
    },
    objectKey: attachmentObjectKey({ cycleId: task.cycleId, taskId, attachmentId }),
    createdAt: now.toISOString(),
    uploadExpiresAt: new Date(now.getTime() + UPLOAD_URL_SECONDS * 1000).toISOString(),
    version: 1,
  };
  const { attachment: stored, created } = await deps.attachments.create(attachment);
  // A racing retry with the same token created it first: its bytes are counted once.
  if (!created) await deps.attachments.releaseBytes(task.cycleId, request.size);
  return { attachment: stored, upload: await uploadOf(deps, stored) };
}

async function uploadOf(deps: Pick<Ports, 'files' | 'clock'>, attachment: Attachment) {
  const left = Math.floor((Date.parse(attachment.uploadExpiresAt) - deps.clock.now().getTime()) / 1000);
  if (attachment.status !== 'PENDING' || left < 1)
    throw new ConflictError(`Attachment ${attachment.attachmentId} no longer takes an upload`);
  return deps.files.uploadUrl(
    attachment.objectKey,
    { size: attachment.size, contentType: attachment.declaredType },
    left,
  );
}
