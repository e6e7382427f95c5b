import { describe, expect, it } from 'vitest';
import { ApiError, CliError, ExitCode, exitCodeForStatus, invalidInput, reportError } from '#cli/errors.ts';

describe('exit codes', () => {
  it('maps API statuses: invalid input 2, not found 3, conflict 4, the rest 1', () => {
    expect([400, 413, 422].map(exitCodeForStatus)).toEqual([2, 2, 2]);
    expect(exitCodeForStatus(404)).toBe(3);
    expect(exitCodeForStatus(409)).toBe(4);
    expect([401, 403, 500, 502].map(exitCodeForStatus)).toEqual([1, 1, 1, 1]);
  });

  it('gives unreachable its own code', () => {
    expect(new Set(Object.values(ExitCode)).size).toBe(Object.values(ExitCode).length);
    expect(ExitCode.unreachable).toBe(5);
  });
});

describe('reportError', () => {
  it('prints an API error with its status and each wrong field, and the same as JSON', () => {
    const report = reportError(
      new ApiError(400, {
        error: {
          code: 'INVALID_INPUT',
          message: 'Invalid body',
          fields: [{ path: 'dueAt', message: 'required' }],
        },
      }),
    );
    expect(report.exitCode).toBe(2);
    expect(report.text).toBe('Error 400: Invalid body\n  dueAt: required');
    expect(report.json).toEqual({
      error: {
        code: 'INVALID_INPUT',
        message: 'Invalid body',
        fields: [{ path: 'dueAt', message: 'required' }],
        status: 400,
      },
    });
  });

  it('keeps an API error without a body usable', () => {
    const report = reportError(new ApiError(502, {}));
    expect(report).toMatchObject({
      exitCode: 1,
      text: 'Error 502: HTTP 502',
      json: { error: { code: 'HTTP_502' } },
    });
  });

  it('prints the CLI’s own errors as one line, with their exit code', () => {
    expect(reportError(invalidInput('--limit "x": expected a whole number'))).toMatchObject({
      exitCode: 2,
      text: 'Error: --limit "x": expected a whole number',
    });
    expect(reportError(new CliError('UNREACHABLE', 'Cannot reach x', ExitCode.unreachable)).exitCode).toBe(5);
  });

  it('reports an unexpected error by its message, exit 1', () => {
    expect(reportError(new TypeError('boom'))).toEqual({
      exitCode: 1,
      text: 'Error: boom',
      json: { error: { code: 'INTERNAL', message: 'boom', fields: [] } },
    });
  });
});
