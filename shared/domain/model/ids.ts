import * as z from 'zod';

/** The one documented pattern for each kind of id the API takes (README, "Who may do what"). */

/** A municipality id: 1-64 lower-case letters, digits and inner hyphens, such as "bg-sliven". */
export const MunicipalityId = z
  .string()
  .regex(
    /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/,
    'must be 1-64 lower-case letters, digits or hyphens (not at either end), such as "bg-sliven"',
  );

/** A cycle id, as the engine issues them: "cyc-" and 20 hex digits. */
export const CycleId = z
  .string()
  .regex(/^cyc-[0-9a-f]{20}$/, 'must be a cycle id such as "cyc-0123456789abcdef0123"');

/** A task id, as the engine issues them: "<cycle id>.<task key>.r<revision>" (".m<round>" in a repeating phase, ".d<n>" for a meeting decision's follow-up, ".stall-<n>" for a stall). */
export const TaskId = z
  .string()
  .regex(
    /^cyc-[0-9a-f]{20}\.[a-z][a-z0-9-]{0,39}\.r\d{1,4}(?:\.m\d{1,3})?(?:\.d\d{1,2}|\.stall-\d{1,13})?$/,
    'must be a task id such as "cyc-0123456789abcdef0123.needs-assessment.r0"',
  );

/** A person's id, as the engine issues them: "usr-" and 20 hex digits. */
export const UserId = z
  .string()
  .regex(/^usr-[0-9a-f]{20}$/, 'must be a person id such as "usr-0123456789abcdef0123"');
