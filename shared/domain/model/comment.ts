import * as z from 'zod';
import { CountryCode, Instant } from './instant.ts';
import { Role } from './roles.ts';

/** A comment's id: "cmt-" and 24 hex digits. */
export const CommentId = z
  .string()
  .regex(/^cmt-[0-9a-f]{24}$/, 'must be a comment id such as "cmt-0123456789abcdef01234567"');

/** The longest comment, in characters. */
export const MAX_COMMENT_LENGTH = 2_000;
/** The most comments one task's thread holds (a thread is read whole). */
export const MAX_COMMENTS_PER_TASK = 300;
/** The most people one comment may mention. */
export const MAX_MENTIONS = 10;

/**
 * A comment's text: plain text, trimmed, 1 to 2,000 characters, line breaks kept, no other control or
 * direction-override characters (which could make a comment read as something else).
 */
export const CommentText = z
  .string()
  .transform((text) => text.replace(/\r\n?/g, '\n').trim())
  .pipe(
    z
      .string()
      .min(1, 'cannot be empty')
      .max(MAX_COMMENT_LENGTH, `must be at most ${MAX_COMMENT_LENGTH} characters`)
      .refine(
        // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
        (text) => !/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/.test(text),
        'must be plain text (no control characters)',
      ),
  );

/** Who wrote a comment: their person id and name at the time (personal data, erased with them), and role. */
export const CommentAuthor = z.object({
  userId: z.string().optional(),
  name: z.string().max(200),
  role: Role,
});

/**
 * One comment of a task's thread, shown as written (no translation). ACTIVE, or DELETED: its text is gone and
 * the thread shows that a comment was removed, and by whom.
 */
export const Comment = z.object({
  commentId: CommentId,
  taskId: z.string(),
  cycleId: z.string(),
  municipalityId: z.string(),
  country: CountryCode,
  author: CommentAuthor,
  /** Empty once deleted. */
  text: z.string().max(MAX_COMMENT_LENGTH),
  /** The language the author wrote in, as far as their profile says: shown to readers, never translated. */
  locale: z.string().max(10).optional(),
  /** The people it mentions (members of the municipality), who were told. */
  mentions: z.array(z.string()).max(MAX_MENTIONS),
  status: z.enum(['ACTIVE', 'DELETED']),
  createdAt: Instant,
  editedAt: Instant.optional(),
  edits: z.int().min(0).default(0),
  deletedAt: Instant.optional(),
  deletedBy: z.object({ userId: z.string().optional(), role: Role }).optional(),
  version: z.int().min(1),
});
/** One comment of a task's thread. */
export type Comment = z.infer<typeof Comment>;
