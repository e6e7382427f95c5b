import * as z from 'zod';
import { CycleId, MunicipalityId, TaskId, UserId } from '#shared/domain/model/ids.ts';
import { Key } from '#shared/domain/model/template-parts.ts';

/** Path parameters of the API routes. */

/** A template's id in a path: a lower-case key such as "romact". */
export const TemplatePath = z.object({ id: Key });
/** A person's id in a path. */
export const UserPath = z.object({ id: UserId });

/** A municipality's id in a path: the one documented pattern. */
export const MunicipalityPath = z.object({ id: MunicipalityId });
/** A cycle's id in a path. */
export const CyclePath = z.object({ id: CycleId });
/** A task's id in a path. */
export const TaskPath = z.object({ id: TaskId });

/** Paging of every list: at most 100 items a page, and the cursor of the previous page. */
export const Paging = {
  // Digits only: `0x10`, `1e2` or ` 5` are not what a client means by a page size (coercion took them).
  limit: z
    .string()
    .regex(/^\d{1,3}$/, 'must be a whole number from 1 to 100')
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, 'must be a whole number from 1 to 100')
        .max(100, 'must be a whole number from 1 to 100'),
    )
    .default(50),
  cursor: z.string().max(2_000).optional(),
};

/** A country code in a query string. */
export const CountryQuery = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO-3166 alpha-2 code such as "BG"')
  .optional();
