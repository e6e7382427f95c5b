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
  'commitment-letter': {
    document: 'letter-of-commitment',
    signedOn: '2026-11-16',
    signatory: 'Mayor',
    documentReference: 'LOC-2026-41',
    contactPerson: 'usr-contact',
    neighbourhoods: ['Stolipinovo'],
    commitments: ['appoint-contact-person', 'support-community-action-group', 'joint-planning'],
  },
  'group-formation': {
    groups: [
      {
        group: 'cag',
        formedOn: '2026-11-16',
        members: [
          { member: 'usr-cag-1', role: 'chair', trained: 'yes' },
          { member: 'usr-cag-2', role: 'member', trained: 'planned' },
          { member: 'usr-cag-3', role: 'secretary', trained: 'yes' },
        ],
        balance: { women: 2, men: 1, undisclosed: 0, under30: 1, over64: 0 },
      },
    ],
  },
  prioritisation: {
    needs: [
      {
        id: 'n1',
        area: 'housing',
        description: 'Running water in the lower streets',
        municipalityScore: { urgency: 4, relevance: 4 },
        cagScore: { urgency: 5, relevance: 5 },
      },
      {
        id: 'n2',
        area: 'civil-documentation',
        description: 'Identity documents for every resident',
        municipalityScore: { urgency: 3, relevance: 4 },
        cagScore: { urgency: 4, relevance: 4 },
      },
      {
        id: 'n3',
        area: 'education',
        description: 'Homework help for primary school children',
        municipalityScore: { urgency: 3, relevance: 3 },
        cagScore: { urgency: 4, relevance: 3 },
      },
    ],
    priorities: ['n1', 'n2', 'n3'],
  },
  meetingMore: {
    heldOn: '2026-11-16',
    place: 'Community centre',
    agenda: ['Housing priorities', 'Budget of the plan'],
    participants: 12,
    attendance: [
      { member: 'usr-cag-1', side: 'cag' },
      { member: 'usr-cag-2', side: 'cag' },
      { member: 'usr-cag-3', side: 'cag' },
      { member: 'usr-contact', side: 'municipality' },
    ],
    minutes: 'The group agreed the housing actions and asked the utility for an offer.',
    decisions: [
      {
        decision: 'Ask the utility for a water connection offer',
        owner: 'municipality',
        dueOn: '2027-06-30',
        linksTo: 'n1',
      },
    ],
    paperCopies: 3,
    next: 'another-meeting',
  },
  meetingDone: {
    heldOn: '2026-11-16',
    place: 'Community centre',
    agenda: ['Final plan'],
    participants: 10,
    attendance: [
      { member: 'usr-cag-1', side: 'cag' },
      { member: 'usr-cag-2', side: 'cag' },
      { member: 'usr-cag-3', side: 'cag' },
    ],
    minutesReference: 'CAG-2026-12',
    decisions: [],
    paperCopies: 2,
    next: 'phase-done',
  },
  'follow-up-report': { status: 'done', doneOn: '2026-11-16', note: 'The offer arrived.' },
  'joint-plan': {
    actions: [
      {
        id: 'a1',
        priority: 'n1',
        title: 'Connect 40 homes to running water',
        starts: '2027-06-01',
        ends: '2028-05-31',
        responsible: 'municipality',
        budget: 120000,
        currency: 'EUR',
        indicators: [{ id: 'i1', name: 'Homes with running water', unit: 'homes', baseline: 0, target: 40 }],
      },
    ],
  },
  adopted: {
    decision: 'adopted',
    decisionReference: 'HCL-45/2026',
    decidedOn: '2026-11-16',
    strategyReference: 'Local development strategy 2027-2030',
  },
  notAdopted: {
    decision: 'rejected',
    decisionReference: 'HCL-44/2026',
    decidedOn: '2026-11-16',
    reason: 'The budget exceeds the municipality’s means',
  },
  'project-fiches': {
    fiches: [
      {
        id: 'f1',
        action: 'a1',
        title: 'Water for the lower streets',
        programme: 'ERDF',
        callId: 'BG16RFPR-2027-2',
        stage: 'concept',
        budget: 120000,
        coFinancing: 12000,
        currency: 'EUR',
        partners: ['Water utility'],
      },
    ],
  },
  'application-outcomes': {
    applications: [
      {
        fiche: 'f1',
        reference: 'APP-2026-118',
        submittedOn: '2026-11-02',
        status: 'awarded',
        decidedOn: '2026-11-16',
        amountAwarded: 100000,
      },
    ],
  },
  'implementation-progress': {
    reportedOn: '2026-11-16',
    actions: [{ action: 'a1', status: 'in-progress', percentDone: 40, spent: 30000 }],
  },
  'indicator-report': {
    periodStart: '2026-06-01',
    periodEnd: '2026-11-15',
    values: [{ indicator: 'i1', actual: 18 }],
    next: 'phase-done',
  },
  'grant-proposal': {
    title: 'Homework club',
    description: 'Afternoon homework help for 30 children, run by CAG volunteers.',
    activities: ['Weekly tutoring', 'School supplies'],
    beneficiaries: 30,
    amountRequested: 5000,
    currency: 'EUR',
  },
  'co-financing-commitment': {
    amount: 1000,
    currency: 'EUR',
    budgetLine: '67.02.50',
    committedOn: '2026-11-16',
  },
  'grant-report': {
    activitiesDone: ['Weekly tutoring'],
    beneficiariesReached: 28,
    spent: 5800,
    lessons: 'Meet in the neighbourhood, not at the town hall.',
    reportedOn: '2026-11-16',
  },
  resume: { action: 'resume', dueAt: '2027-06-30' },
  cancel: { action: 'cancel', reason: 'The municipality left the programme' },
} as const;
