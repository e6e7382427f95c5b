import type { ApprovalPhase } from '#shared/domain/model/phase-kinds/approval.ts';
import type { CouncilAdoptionPhase } from '#shared/domain/model/phase-kinds/process.ts';
import { stateNames } from '../names.ts';
import type { PhaseKindCompiler } from './kind.ts';

/**
 * A joint approval (or the council's adoption): any rejection sends the plan back to `backTo` with the revision count raised, until the
 * template's maximum, past which the cycle ends as PLAN_REJECTED; all approvals go on.
 */
export const approvalKind: PhaseKindCompiler<ApprovalPhase | CouncilAdoptionPhase> = {
  afterEnd: ({ phase, continueTo }, states) => {
    const key = phase.key;
    states[stateNames.phaseDecided(key)] = {
      Type: 'Choice',
      Choices: [
        {
          Or: phase.tasks.map((_, taskIndex) => ({
            Variable: `$.results[${taskIndex}].decision`,
            StringEquals: 'reject',
          })),
          Next: stateNames.phaseRejected(key),
        },
      ],
      Default: continueTo,
    };
    states[stateNames.phaseRejected(key)] = {
      Type: 'Choice',
      Choices: [
        {
          Variable: '$.revision.count',
          NumericGreaterThanEquals: phase.maxRevisions,
          Next: stateNames.finish('PLAN_REJECTED'),
        },
      ],
      Default: stateNames.phaseRevise(key),
    };
    states[stateNames.phaseRevise(key)] = {
      Type: 'Pass',
      Parameters: { 'count.$': 'States.MathAdd($.revision.count, 1)' },
      ResultPath: '$.revision',
      Next: stateNames.phaseStart(phase.backTo),
    };
    return stateNames.phaseDecided(key);
  },
  diagram: (phase, id) => [
    `  ${id(phase.key)} -- "a rejection (at most ${phase.maxRevisions} revisions)" --> ${id(phase.backTo)}`,
    `  ${id(phase.key)} -- "rejected again" --> rejected(["PLAN_REJECTED"])`,
  ],
};
