import { describe, expect, it } from 'vitest';
import { PhaseTemplate, phaseKindRules } from '#shared/domain/model/phase-kinds/index.ts';

const tasksPhase = {
  key: 'assessment',
  kind: 'tasks',
  title: { en: 'Assess' },
  tasks: [
    { key: 'a', title: { en: 'A' }, assignee: 'cag', due: { after: 'P1D' }, output: 'self-assessment' },
  ],
};

describe('phase kinds', () => {
  it('read a phase by its kind', () => {
    expect(PhaseTemplate.parse(tasksPhase).kind).toBe('tasks');
    expect(PhaseTemplate.safeParse({ ...tasksPhase, kind: 'lottery' }).error?.issues[0]?.path).toEqual([
      'kind',
    ]);
    expect(PhaseTemplate.safeParse({ ...tasksPhase, backTo: 'x' }).success).toBe(false); // an approval field on a tasks phase
  });

  it('have rules for every kind; a tasks phase adds none', () => {
    expect(Object.keys(phaseKindRules).sort()).toEqual([
      'application-outcome',
      'approval',
      'commitment',
      'council-adoption',
      'fiche',
      'group-formation',
      'implementation',
      'indicator-report',
      'meeting',
      'plan',
      'prioritisation',
      'tasks',
    ]);
    const found: unknown[] = [];
    phaseKindRules.tasks(PhaseTemplate.parse(tasksPhase) as never, 0, new Map(), {
      addIssue: (issue) => found.push(issue),
    });
    expect(found).toEqual([]);
  });
});
