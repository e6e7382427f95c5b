import { z } from 'zod';
import { AttachmentId } from '#shared/domain/model/attachment.ts';
import { CommentId } from '#shared/domain/model/comment.ts';
import { CycleId, MunicipalityId, TaskId } from '#shared/domain/model/ids.ts';

/** Path parameters of the API routes. */
export const IdPath = z.object({ id: z.string().min(1).max(200) });

/** A municipality's id in a path: the one documented pattern. */
export const MunicipalityPath = z.object({ id: MunicipalityId });
/** A cycle's id in a path. */
export const CyclePath = z.object({ id: CycleId });
/** A task's id in a path. */
export const TaskPath = z.object({ id: TaskId });

/** Paging of every list: at most 100 items a page, and the cursor of the previous page. */
export const Paging = {
  limit: z.coerce.number().int().min(1).max(100).default(50),
  cursor: z.string().max(2_000).optional(),
};

/** A country code in a query string. */
export const CountryQuery = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO-3166 alpha-2 code such as "BG"')
  .optional();

/** A task's id and one of its attachments' ids in a path. */
export const AttachmentPath = z.object({ id: TaskId, attachmentId: AttachmentId });
/** A task's id and one of its comments' ids in a path. */
export const CommentPath = z.object({ id: TaskId, commentId: CommentId });
