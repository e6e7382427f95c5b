import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES_DIR, exampleFiles } from '#cli/examples.ts';
import { taskOutputNames, taskOutputs } from '#shared/domain/model/task-outputs.ts';

const dir = join(new URL('../../../', import.meta.url).pathname, EXAMPLES_DIR);

describe('examples/outputs/ (npm run examples)', () => {
  it('holds exactly the generated files, each equal to the example the tests use', () => {
    expect(readdirSync(dir).sort()).toEqual(exampleFiles.map((example) => example.file).sort());
    for (const { file, output } of exampleFiles) {
      expect(JSON.parse(readFileSync(join(dir, file), 'utf8')), `${file}: run npm run examples`).toEqual(
        output,
      );
    }
  });

  it('has a valid output for every kind of task', () => {
    expect([...new Set(exampleFiles.map((example) => example.kind))].sort()).toEqual(
      [...taskOutputNames].sort(),
    );
    for (const { file, kind, output } of exampleFiles) {
      const schema = taskOutputs[kind as keyof typeof taskOutputs].schema;
      const parsed = schema.safeParse(output);
      expect(parsed.success, `${file}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });
});
