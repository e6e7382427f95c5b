/** How the `romact` command fails: one exit code per kind of failure, and errors as text or JSON. */

/** The exit codes of `romact`, documented in the README; scripts branch on them. */
export const ExitCode = {
  ok: 0,
  /** Anything else: a refused token or role (401, 403), a server error (5xx). */
  other: 1,
  /** Invalid input: a bad option or file, or the API answered 400, 413 or 422. */
  invalidInput: 2,
  /** The API answered 404: unknown, or not visible to this caller. */
  notFound: 3,
  /** The API answered 409: the task is no longer open, the cycle is not running, a client token clashes. */
  conflict: 4,
  /** No API answers at the URL (no server listening, unknown host, no answer in time, not a ROMACT API). */
  unreachable: 5,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** The exit code for an API error status. */
export function exitCodeForStatus(status: number): ExitCode {
  if (status === 400 || status === 413 || status === 422) return ExitCode.invalidInput;
  if (status === 404) return ExitCode.notFound;
  if (status === 409) return ExitCode.conflict;
  return ExitCode.other;
}

/** A field the API (or the CLI) found wrong. */
export interface FieldProblem {
  path: string;
  message: string;
}

/** What the API answers on an error: `{ error: { code, message, fields } }`. */
export interface ApiErrorBody {
  error?: { code?: string; message?: string; fields?: FieldProblem[] };
}

/** A failure the CLI reports and exits on: its message is the whole story, no stack trace. */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode: ExitCode,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'CliError';
  }
}

/** The API refused a request. */
export class ApiError extends CliError {
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody,
  ) {
    super(
      body.error?.code ?? `HTTP_${status}`,
      body.error?.message ?? `HTTP ${status}`,
      exitCodeForStatus(status),
      body.error?.fields ?? [],
    );
    this.name = 'ApiError';
  }
}

/** Bad input given to the CLI itself (an option, a file): exit 2. */
export const invalidInput = (message: string, fields: FieldProblem[] = []) =>
  new CliError('INVALID_INPUT', message, ExitCode.invalidInput, fields);

/** How a failure is shown: its exit code, the lines for people, the JSON for scripts (both on stderr). */
export interface ErrorReport {
  exitCode: ExitCode;
  text: string;
  json: { error: { code: string; message: string; fields: FieldProblem[]; status?: number } };
}

/** Describes any thrown value as an error report; an unexpected error keeps its message, not its stack. */
export function reportError(error: unknown): ErrorReport {
  if (error instanceof CliError) {
    const status = error instanceof ApiError ? error.status : undefined;
    const head = status === undefined ? `Error: ${error.message}` : `Error ${status}: ${error.message}`;
    return {
      exitCode: error.exitCode,
      // The CLI's own messages already name the option; the API's name each wrong field below.
      text: [
        head,
        ...(status === undefined ? [] : error.fields.map((field) => `  ${field.path}: ${field.message}`)),
      ].join('\n'),
      json: {
        error: {
          code: error.code,
          message: error.message,
          fields: error.fields,
          ...(status === undefined ? {} : { status }),
        },
      },
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    exitCode: ExitCode.other,
    text: `Error: ${message}`,
    json: { error: { code: 'INTERNAL', message, fields: [] } },
  };
}
