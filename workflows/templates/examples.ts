/**
 * A valid output for each kind of task (ROMACT's, the critical-friend review's, a coordinator's answer to a
 * stall): what a municipality, CAG or coordinator would submit. Used by the demo, the benchmark and the tests;
 * `npm run examples` writes them to `examples/outputs/` for `romact task complete --data`.
 */
export const exampleOutputs = {
  'needs-assessment': {
    priorities: [
      { area: 'housing', description: 'Legalise and repair homes' },
      { area: 'civil-documentation', description: 'Identity documents for every resident' },
    ],
    neighbourhoods: ['Stolipinovo'],
    summary: 'Housing and civil documentation come first.',
  },
  'community-consultation': {
    meetings: [{ date: '2026-11-16', participants: 42, cagMembersPresent: 5 }],
    agreedPriorities: ['housing', 'civil documentation'],
    minutesReference: 'CAG-2027-01',
  },
  approve: { decision: 'approve', decisionReference: 'DEC-1', decidedOn: '2026-11-16' },
  reject: {
    decision: 'reject',
    reason: 'The plan omits civil documentation',
    decisionReference: 'DEC-0',
    decidedOn: '2026-11-16',
  },
  'funding-applications': {
    applications: [
      {
        programme: 'ESF+',
        callId: 'BG05SFPR-2027-1',
        title: 'Homes for all',
        amount: 250000,
        currency: 'EUR',
        submittedOn: '2026-11-16',
        reference: 'APP-77',
      },
    ],
  },
  close: {
    indicators: [{ priority: 'housing', indicator: 'homes repaired', target: 40, achieved: 35 }],
    outcome: 'close',
  },
  nextCycle: {
    indicators: [{ priority: 'housing', indicator: 'homes repaired', target: 40, achieved: 35 }],
    outcome: 'next-cycle',
  },
  'self-assessment': {
    strengths: ['An active Community Action Group that meets every month'],
    gaps: ['No budget line for the action plan'],
  },
  'visit-report': {
    visitedOn: '2026-11-16',
    recommendations: ['Add a budget line for the action plan to the 2028 municipal budget'],
  },
  resume: { action: 'resume', dueAt: '2027-06-30' },
  cancel: { action: 'cancel', reason: 'The municipality left the programme' },
} as const;
