import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withGeneratedDiagram } from '#workflows/readme-diagram.ts';

describe('README diagram', () => {
  it('is the one the workflow command generates (run `npm run docs` after changing a template)', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    expect(readme).toBe(withGeneratedDiagram(readme));
  });
});
