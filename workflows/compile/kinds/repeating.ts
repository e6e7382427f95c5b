import { roundTaskIndex } from '#shared/domain/model/phase-kinds/output-phase.ts';
import type { RepeatingPhase } from '#shared/domain/model/phase-kinds/process.ts';
import { stateNames } from '../names.ts';
import type { PhaseKindCompiler } from './kind.ts';

/**
 * A repeating phase (meetings, application rounds, indicator periods): when its round task asks for another
 * round, the phase starts again with the round raised (its tasks get fresh ids), up to `maxRounds`; otherwise
 * the round goes back to 0 for whatever phase repeats next, and the cycle goes on.
 */
export const repeatingKind: PhaseKindCompiler<RepeatingPhase> = {
  afterEnd: ({ phase, continueTo }, states) => {
    const key = phase.key;
    const next = `$.results[${roundTaskIndex(phase)}].next`;
    states[stateNames.phaseAgain(key)] = {
      Type: 'Choice',
      Choices: [
        {
          And: [
            { Variable: next, IsPresent: true },
            { Variable: next, StringEquals: 'another-round' },
            { Variable: '$.round.count', NumericLessThan: phase.maxRounds - 1 },
          ],
          Next: stateNames.phaseNextRound(key),
        },
      ],
      Default: stateNames.phaseRoundsDone(key),
    };
    states[stateNames.phaseNextRound(key)] = {
      Type: 'Pass',
      Parameters: { 'count.$': 'States.MathAdd($.round.count, 1)' },
      ResultPath: '$.round',
      Next: stateNames.phaseStart(key),
    };
    states[stateNames.phaseRoundsDone(key)] = {
      Type: 'Pass',
      Result: { count: 0 },
      ResultPath: '$.round',
      Next: continueTo,
    };
    return stateNames.phaseAgain(key);
  },
  diagram: (phase, id) => [
    `  ${id(phase.key)} -- "another round (at most ${phase.maxRounds})" --> ${id(phase.key)}`,
  ],
};
