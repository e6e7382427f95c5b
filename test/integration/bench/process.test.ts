import { describe, expect, it } from 'vitest';
import { runProcessBench } from '../../../bench/process.ts';

/** Not a timing test: `npm run bench:process` drives one whole-process cycle and its counts must add up. */
describe('npm run bench:process', () => {
  it('counts the transitions and step invocations of one whole-process cycle, each more than its phases', async () => {
    const figures = await runProcessBench();

    expect(figures.phases).toBe(11);
    expect(figures.stepInvocations).toBeGreaterThan(2 * figures.phases);
    expect(figures.transitions).toBeGreaterThan(figures.stepInvocations);
    expect(figures.apiCalls).toBeGreaterThanOrEqual(2 * 21);
  }, 120_000);
});
