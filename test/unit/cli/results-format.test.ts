import { describe, expect, it } from 'vitest';
import { resultsTable } from '#cli/results-format.ts';
import { resultsChainOf } from '#shared/domain/model/results-chain.ts';
import type { Task } from '#shared/domain/model/task.ts';
import { exampleOutputs } from '#workflows/templates/examples.ts';
import { taskFixture } from '../../support/fixtures.ts';

const done = (key: string, output: string, result: unknown): Task =>
  taskFixture('cyc-1', key, { output, result, status: 'COMPLETED' });

describe('resultsTable', () => {
  it('shows each indicator under its action and priority, with funding and progress', () => {
    const chain = resultsChainOf([
      done('score-needs', 'prioritisation', exampleOutputs.prioritisation),
      done('joint-plan', 'joint-plan', exampleOutputs['joint-plan']),
      done('project-fiches', 'project-fiches', exampleOutputs['project-fiches']),
      done('application-outcomes', 'application-outcomes', exampleOutputs['application-outcomes']),
      done('implementation-progress', 'implementation-progress', exampleOutputs['implementation-progress']),
      done('indicator-report', 'indicator-report', exampleOutputs['indicator-report']),
    ]);
    const text = resultsTable({ cycleId: 'cyc-1', templateId: 'romact', status: 'RUNNING', chain });
    const [header, first, second] = text.split('\n');
    expect(header).toMatch(/^priority\s+area\s+score\s+action\s+indicator/);
    expect(first).toMatch(
      /^1\. n1\s+housing\s+41\s+a1\s+Homes with running water\s+0 → 40\s+18\s+f1 awarded 100000\s+in-progress 40%$/,
    );
    expect(second).toMatch(/^2\. n2\s+civil-documentation\s+28\s+—$/);
    expect(text).toContain('Budget planned 120000, awarded 100000, spent 30000; 0 meetings.');
  });
});
