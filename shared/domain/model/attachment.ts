import * as z from 'zod';
import { CountryCode, Instant } from './instant.ts';
import { Role } from './roles.ts';

/** An attachment's id: "att-" and 24 hex digits. */
export const AttachmentId = z
  .string()
  .regex(/^att-[0-9a-f]{24}$/, 'must be an attachment id such as "att-0123456789abcdef01234567"');

/**
 * The output field an attachment is for, as a dotted path of the task's output (`documents`,
 * `applications.0.documents`); absent for a file attached to the task as a whole.
 */
export const OutputField = z
  .string()
  .max(120)
  .regex(
    /^[a-zA-Z][a-zA-Z0-9]{0,39}(\.(?:\d{1,3}|[a-zA-Z][a-zA-Z0-9]{0,39})){0,5}$/,
    'must be a field of the output such as "documents"',
  );

/** Who uploaded a file: their person id and name at the time (personal data, erased with them), and role. */
export const Uploader = z.object({
  userId: z.string().optional(),
  name: z.string().max(200).optional(),
  role: Role,
});

/**
 * PENDING: the upload URL is issued, the bytes not yet checked. STORED: the content was checked and kept.
 * REJECTED: what arrived was not an accepted type or size, and was deleted. DELETED: removed by a person, or
 * by an erasure. EXPIRED: the upload URL ran out before anything usable arrived.
 */
export const AttachmentStatus = z.enum(['PENDING', 'STORED', 'REJECTED', 'DELETED', 'EXPIRED']);
/** The state of an attachment. */
export type AttachmentStatus = z.infer<typeof AttachmentStatus>;

/**
 * A file attached to a task (a signed commitment, meeting minutes, a council decision's scan), optionally for
 * one field of its output. Kept generic: meetings, decisions and applications are tasks' outputs, so a file
 * "of a decision" is a file of the task that records it, naming the output field it belongs to.
 */
export const Attachment = z.object({
  attachmentId: AttachmentId,
  taskId: z.string(),
  cycleId: z.string(),
  municipalityId: z.string(),
  country: CountryCode,
  field: OutputField.optional(),
  /** The file's name, sanitised; once stored, with the extension of its real type. */
  name: z.string().min(1).max(150),
  /** The media type the uploader announced, and (once stored) the one its content showed. */
  declaredType: z.string().max(150),
  contentType: z.string().max(150).optional(),
  /** Bytes: announced at first, then measured. */
  size: z.int().min(1),
  status: AttachmentStatus,
  /**
   * The uploader marked it as holding their own personal data (a photo of them, their signed form): erasing
   * them removes the file; other files are the municipality's records and keep only a pseudonym of them.
   */
  personal: z.boolean().optional(),
  uploadedBy: Uploader,
  /** Where the bytes are, under the cycle's prefix (`cycles/{cycleId}/...`). */
  objectKey: z.string().max(400),
  createdAt: Instant,
  uploadExpiresAt: Instant,
  storedAt: Instant.optional(),
  deletedAt: Instant.optional(),
  version: z.int().min(1),
});
/** A file attached to a task. */
export type Attachment = z.infer<typeof Attachment>;

/** The storage key prefix of a cycle's files: every attachment of the cycle lives under it. */
export const cycleFilesPrefix = (cycleId: string) => `cycles/${cycleId}/`;

/** Where an attachment's bytes are stored. */
export const attachmentObjectKey = (attachment: Pick<Attachment, 'cycleId' | 'taskId' | 'attachmentId'>) =>
  `${cycleFilesPrefix(attachment.cycleId)}${attachment.taskId}/${attachment.attachmentId}`;

/** Statuses whose bytes count against the cycle's allowance. */
export const COUNTED_STATUSES: ReadonlySet<AttachmentStatus> = new Set(['PENDING', 'STORED']);

/** How much a deployment lets people attach. */
export interface AttachmentLimits {
  /** The largest file, in bytes. */
  maxFileBytes: number;
  /** All files of one cycle together, in bytes. */
  maxCycleBytes: number;
  /** Files on one task. */
  maxFilesPerTask: number;
}

/** The limits unless a deployment sets its own: 20 MB a file, 500 MB a cycle, 50 files a task. */
export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = {
  maxFileBytes: 20 * 1024 * 1024,
  maxCycleBytes: 500 * 1024 * 1024,
  maxFilesPerTask: 50,
};
