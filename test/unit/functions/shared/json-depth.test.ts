import { describe, expect, it } from 'vitest';
import { jsonDepth, MAX_JSON_DEPTH } from '#functions/shared/json-depth.ts';

describe('jsonDepth', () => {
  it('counts the deepest nesting of arrays and objects', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{}')).toBe(1);
    expect(jsonDepth('{"a":[1,{"b":[]}],"c":{}}')).toBe(4);
    expect(jsonDepth(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toBe(100_000);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepth('{"a":"[[[{{{"}')).toBe(1);
    expect(jsonDepth('{"a":"\\"[[[","b":["\\\\"]}')).toBe(2);
  });

  it('leaves room for every real request: a task output nests 4 deep', () => {
    expect(MAX_JSON_DEPTH).toBeGreaterThanOrEqual(8);
  });
});
