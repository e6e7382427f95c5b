import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES_DIR, exampleFiles } from './examples.ts';

/**
 * `npm run examples`: rewrites examples/outputs/ from the examples the tests use (a test fails on drift); the
 * npm script then lets Biome lay the JSON out.
 */
const root = new URL('../', import.meta.url).pathname;
const dir = join(root, EXAMPLES_DIR);
mkdirSync(dir, { recursive: true });
const wanted = new Set(exampleFiles.map((example) => example.file));
for (const stale of readdirSync(dir).filter((file) => !wanted.has(file))) rmSync(join(dir, stale));
for (const { file, output } of exampleFiles) writeFileSync(join(dir, file), `${JSON.stringify(output)}\n`);
process.stdout.write(`Wrote ${exampleFiles.length} files to ${EXAMPLES_DIR}/\n`);
