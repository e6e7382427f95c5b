import { describe, expect, it } from 'vitest';
import { DataLimitExceededError } from '#shared/adapters/local/step-functions-errors.ts';
import {
  exceedsPayloadLimit,
  executionNameProblem,
  MAX_EXECUTION_MS,
  MAX_HISTORY_EVENTS,
  MAX_PAYLOAD_BYTES,
  payloadBytes,
} from '#shared/adapters/local/step-functions-limits.ts';

describe('Step Functions limits: the quota values', () => {
  it('holds the documented quotas of a Standard workflow', () => {
    expect(MAX_EXECUTION_MS).toBe(365 * 86_400_000);
    expect(MAX_HISTORY_EVENTS).toBe(25_000);
    expect(MAX_PAYLOAD_BYTES).toBe(256 * 1024);
  });
});

describe('Step Functions limits: payload size', () => {
  it('measures a payload in UTF-8 bytes of its JSON, not in characters', () => {
    expect(payloadBytes({ a: 'é' })).toBe('{"a":"é"}'.length + 1);
    expect(payloadBytes('€')).toBe(2 + 3);
    expect(payloadBytes(null)).toBe(4);
  });

  it('allows exactly 262,144 bytes and refuses one more', () => {
    const frame = JSON.stringify('').length;
    expect(exceedsPayloadLimit('x'.repeat(MAX_PAYLOAD_BYTES - frame))).toBe(false);
    expect(exceedsPayloadLimit('x'.repeat(MAX_PAYLOAD_BYTES - frame + 1))).toBe(true);
  });

  it('refuses 140,000 two-byte characters (280,000 bytes) though they are fewer than 262,144 characters', () => {
    expect(exceedsPayloadLimit('é'.repeat(140_000))).toBe(true);
  });
});

describe('Step Functions limits: execution names', () => {
  it('accepts names of 1 to 80 characters, counted as characters', () => {
    expect(executionNameProblem('a')).toBeUndefined();
    expect(executionNameProblem('a'.repeat(80))).toBeUndefined();
    expect(executionNameProblem('ő'.repeat(80))).toBeUndefined();
    expect(executionNameProblem('😀'.repeat(80))).toBeUndefined();
    expect(executionNameProblem('a'.repeat(81))).toMatch(/at most 80 characters/);
    expect(executionNameProblem('')).toMatch(/empty/);
  });

  it('refuses every character the StartExecution reference forbids', () => {
    const forbidden = [
      ' ',
      '\t',
      '\n',
      '\u00a0',
      ...'<>{}[]?*"#%\\^|~`$&,;:/',
      '\u0000',
      '\u001f',
      '\u007f',
      '\u009f',
    ];
    for (const character of forbidden) {
      expect(executionNameProblem(`cycle${character}1`), JSON.stringify(character)).toMatch(
        /must not contain/,
      );
    }
  });

  it('accepts the characters our execution names use', () => {
    expect(executionNameProblem('cyc-0123456789abcdef0123-consultation-2_resume.1')).toBeUndefined();
  });
});

describe('Step Functions errors', () => {
  it('marks States.DataLimitExceeded as neither retryable nor catchable (read by the interpreter)', () => {
    const error = new DataLimitExceededError('too big');
    expect(error.name).toBe('States.DataLimitExceeded');
    expect(error).toMatchObject({ isRetryable: false, isCatchable: false });
  });
});
