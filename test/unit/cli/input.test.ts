import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readJsonInput } from '#cli/input.ts';

const dir = mkdtempSync(join(tmpdir(), 'romact-input-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as Error & { exitCode: number };
  }
  throw new Error('expected a failure');
};

describe('readJsonInput (--data)', () => {
  it('reads a JSON file, and standard input for -', () => {
    const file = join(dir, 'ok.json');
    writeFileSync(file, '{"a":1}');
    expect(readJsonInput(file)).toEqual({ a: 1 });
    expect(readJsonInput('-', () => '{"b":2}')).toEqual({ b: 2 });
  });

  it('says in one line, naming the file, that it is missing, a directory, empty or not JSON (exit 2)', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"a":');
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '\n');
    const cases: [string, RegExp][] = [
      [join(dir, 'missing.json'), /missing\.json: no such file$/],
      [dir, /is a directory, not a JSON file$/],
      [empty, /empty\.json is empty/],
      [bad, /bad\.json is not valid JSON: /],
    ];
    for (const [path, message] of cases) {
      const error = failure(() => readJsonInput(path));
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('\n');
      expect(error.message).not.toMatch(/ENOENT|EISDIR/);
      expect(error.exitCode).toBe(2);
    }
    expect(failure(() => readJsonInput('-', () => 'nope')).message).toMatch(
      /^standard input is not valid JSON/,
    );
  });
});
