/**
 * Step Functions Standard's documented limits, as named constants and pure checks, so the local engine can
 * refuse what AWS refuses. Every number comes from the quota page
 * (https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html) or the API reference cited beside it.
 */

/** Where the limits are documented. */
export const QUOTAS_PAGE = 'https://docs.aws.amazon.com/step-functions/latest/dg/service-quotas.html';

/**
 * Maximum execution time of a Standard workflow: "1 year. If an execution runs for more than the 1-year
 * maximum, it will fail with a States.Timeout error" (quota page). A year is taken as 365 days: the shortest
 * reading, so the local engine is never kinder than AWS.
 */
export const MAX_EXECUTION_MS = 365 * 24 * 3600 * 1_000;

/**
 * Maximum execution history size: 25,000 events (quota page). Past it AWS fails the execution with
 * `States.Runtime`; the failure event itself is event 25,000, so the state machine gets 24,999.
 */
export const MAX_HISTORY_EVENTS = 25_000;

/**
 * Maximum input or output size for a task, state or execution: 256 KiB of data as a UTF-8 encoded string
 * (quota page); the API reference models it as "Maximum length of 262144", in bytes of UTF-8.
 */
export const MAX_PAYLOAD_BYTES = 262_144;

/** Execution names are 1–80 characters (StartExecution API reference, `name`). */
export const MAX_EXECUTION_NAME_LENGTH = 80;

/** Longest `error` and `cause` of SendTaskFailure (SendTaskFailure API reference). */
export const MAX_TASK_FAILURE_ERROR_LENGTH = 256;
/** Longest `cause` of SendTaskFailure (SendTaskFailure API reference). */
export const MAX_TASK_FAILURE_CAUSE_LENGTH = 32_768;

/** Size of a JSON value as Step Functions measures it: UTF-8 bytes of its serialisation. */
export function payloadBytes(value: unknown): number {
  return Buffer.byteLength(JSON.stringify(value ?? null), 'utf8');
}

/** True when a JSON value is over the 256 KiB payload quota. */
export function exceedsPayloadLimit(value: unknown): boolean {
  return payloadBytes(value) > MAX_PAYLOAD_BYTES;
}

/**
 * Characters an execution name must not contain (StartExecution API reference, `name`): whitespace, brackets
 * `< > { } [ ]`, wildcards `? *`, the specials `" # % \ ^ | ~ \` $ & , ; : /`, and control characters
 * (U+0000–001F, U+007F–009F). Non-ASCII letters are allowed.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are the rule itself.
const FORBIDDEN_NAME_CHARACTER = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/u;

/** Why a name is not a valid execution name, or undefined when it is. */
export function executionNameProblem(name: string): string | undefined {
  // Counted in characters (code points), as the API's length constraint counts them.
  const length = [...name].length;
  if (length < 1) return 'an execution name must not be empty';
  if (length > MAX_EXECUTION_NAME_LENGTH) {
    return `an execution name has at most ${MAX_EXECUTION_NAME_LENGTH} characters (this one has ${length})`;
  }
  const found = FORBIDDEN_NAME_CHARACTER.exec(name);
  if (found) {
    const code = found[0].codePointAt(0)?.toString(16).padStart(4, '0');
    return `an execution name must not contain U+${code}`;
  }
  return undefined;
}
