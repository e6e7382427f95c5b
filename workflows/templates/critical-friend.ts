import { parseTemplate } from '#shared/domain/model/template.ts';

/**
 * A short "critical friend" review: the municipality assesses itself, the coordinator visits and writes
 * recommendations, and both local sides accept them. It proves the compiler is general: three phases, a
 * coordinator task, a revision loop to a different phase, and no next cycle.
 */
export const criticalFriendTemplate = parseTemplate({
  id: 'critical-friend',
  version: 1,
  title: { en: 'Critical friend review', bg: 'Преглед „критичен приятел“', ro: 'Evaluare „prieten critic”' },
  defaults: {
    hardStopAfter: 'P14D',
    chainAfter: 'P300D',
    stallResolution: { due: 'P7D', hardStopAfter: 'P14D' },
    notifications: { remindBefore: ['P7D', 'P1D'], escalateAfter: 'P3D' },
  },
  phases: [
    {
      key: 'self-assessment',
      kind: 'tasks',
      title: { en: 'Self-assessment' },
      tasks: [
        {
          key: 'self-assessment',
          title: { en: 'Submit the self-assessment' },
          assignee: 'municipality',
          due: { after: 'P21D' },
          output: 'self-assessment',
        },
      ],
    },
    {
      key: 'peer-visit',
      kind: 'tasks',
      title: { en: 'Peer visit' },
      tasks: [
        {
          key: 'visit-report',
          title: { en: 'Write the visit report and recommendations' },
          assignee: 'coordinator',
          due: { after: 'P30D' },
          output: 'visit-report',
        },
      ],
    },
    {
      key: 'acceptance',
      kind: 'approval',
      title: { en: 'Acceptance of recommendations' },
      backTo: 'peer-visit',
      maxRevisions: 1,
      tasks: [
        {
          key: 'municipality-acceptance',
          title: { en: 'Accept the recommendations' },
          assignee: 'municipality',
          due: { after: 'P14D' },
          output: 'approval-decision',
        },
        {
          key: 'cag-acceptance',
          title: { en: 'Accept the recommendations (CAG)' },
          assignee: 'cag',
          due: { after: 'P14D' },
          output: 'approval-decision',
        },
      ],
    },
  ],
});
