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
  { file: 'commitment-letter.json', kind: 'commitment-letter', output: exampleOutputs['commitment-letter'] },
  { file: 'group-formation.json', kind: 'group-formation', output: exampleOutputs['group-formation'] },
  { file: 'prioritisation.json', kind: 'prioritisation', output: exampleOutputs.prioritisation },
  { file: 'meeting-minutes-another.json', kind: 'meeting-minutes', output: exampleOutputs.meetingMore },
  { file: 'meeting-minutes-done.json', kind: 'meeting-minutes', output: exampleOutputs.meetingDone },
  { file: 'follow-up-report.json', kind: 'follow-up-report', output: exampleOutputs['follow-up-report'] },
  { file: 'joint-plan.json', kind: 'joint-plan', output: exampleOutputs['joint-plan'] },
  { file: 'council-decision-adopted.json', kind: 'council-decision', output: exampleOutputs.adopted },
  { file: 'council-decision-rejected.json', kind: 'council-decision', output: exampleOutputs.notAdopted },
  { file: 'project-fiches.json', kind: 'project-fiches', output: exampleOutputs['project-fiches'] },
  {
    file: 'application-outcomes.json',
    kind: 'application-outcomes',
    output: exampleOutputs['application-outcomes'],
  },
  {
    file: 'implementation-progress.json',
    kind: 'implementation-progress',
    output: exampleOutputs['implementation-progress'],
  },
  { file: 'indicator-report.json', kind: 'indicator-report', output: exampleOutputs['indicator-report'] },
  { file: 'grant-proposal.json', kind: 'grant-proposal', output: exampleOutputs['grant-proposal'] },
  {
    file: 'co-financing-commitment.json',
    kind: 'co-financing-commitment',
    output: exampleOutputs['co-financing-commitment'],
  },
  { file: 'grant-report.json', kind: 'grant-report', output: exampleOutputs['grant-report'] },
  { file: 'stall-resolution-resume.json', kind: 'stall-resolution', output: exampleOutputs.resume },
  { file: 'stall-resolution-cancel.json', kind: 'stall-resolution', output: exampleOutputs.cancel },
];
