import { exampleOutputs } from '#workflows/templates/examples.ts';

/**
 * The files of `examples/outputs/`: one valid output per kind of task, written by `npm run examples` from the
 * examples the tests use, for `romact task complete <id> --data examples/outputs/<file>`.
 */

/** Where the example files live, relative to the repository root. */
export const EXAMPLES_DIR = 'examples/outputs';

/** Each example file: its name, the task output kind it fits, and its content. */
export const exampleFiles: { file: string; kind: string; output: unknown }[] = [
  { file: 'needs-assessment.json', kind: 'needs-assessment', output: exampleOutputs['needs-assessment'] },
  {
    file: 'community-consultation.json',
    kind: 'community-consultation',
    output: exampleOutputs['community-consultation'],
  },
  { file: 'approval-decision-approve.json', kind: 'approval-decision', output: exampleOutputs.approve },
  { file: 'approval-decision-reject.json', kind: 'approval-decision', output: exampleOutputs.reject },
  {
    file: 'funding-applications.json',
    kind: 'funding-applications',
    output: exampleOutputs['funding-applications'],
  },
  { file: 'monitoring-report-close.json', kind: 'monitoring-report', output: exampleOutputs.close },
  { file: 'monitoring-report-next-cycle.json', kind: 'monitoring-report', output: exampleOutputs.nextCycle },
  { file: 'self-assessment.json', kind: 'self-assessment', output: exampleOutputs['self-assessment'] },
  { file: 'visit-report.json', kind: 'visit-report', output: exampleOutputs['visit-report'] },
  { file: 'stall-resolution-resume.json', kind: 'stall-resolution', output: exampleOutputs.resume },
  { file: 'stall-resolution-cancel.json', kind: 'stall-resolution', output: exampleOutputs.cancel },
];
