import { CycleOutcome } from '#shared/domain/model/cycle.ts';
import { repeatingKinds } from '#shared/domain/model/phase-kinds/index.ts';
import type { CycleTemplate, PhaseTemplate } from '#shared/domain/model/template.ts';
import { outcomeTask } from '#shared/domain/model/template.ts';
import { path, selectResult } from '../contract.ts';
import { type AslDefinition, type AslState, invoke } from './asl.ts';
import { compilerOf } from './kinds/index.ts';
import { branchErrors, catchAll, stateNames } from './names.ts';
import { taskBranch } from './task-branch.ts';

/**
 * Compiles a cycle template to one Amazon States Language definition (JSONPath). CDK deploys this JSON and the
 * local runtime runs it; only the `${...FunctionArn}` placeholders differ between the two.
 *
 * Execution input: `ExecutionInput` of `workflows/contract.ts`.
 */

/** Where the cycle goes after its last phase: the outcome Choice, or straight to completion. */
function afterLastPhase(template: CycleTemplate, phase: PhaseTemplate, states: Record<string, AslState>) {
  const decider = outcomeTask(template);
  if (!decider) return stateNames.finish('COMPLETED');
  const resultIndex = phase.tasks.indexOf(decider.task);
  states[stateNames.outcome(phase.key)] = {
    Type: 'Choice',
    Choices: [
      {
        Variable: `$.results[${resultIndex}].outcome`,
        StringEquals: 'next-cycle',
        Next: stateNames.startNextCycle,
      },
    ],
    Default: stateNames.finish('COMPLETED'),
  };
  return stateNames.outcome(phase.key);
}

/** A phase: its start step, its tasks in parallel, its end step, then whatever its kind adds. */
function phaseStates(template: CycleTemplate, phase: PhaseTemplate, index: number): Record<string, AslState> {
  const key = phase.key;
  const next = template.phases[index + 1];
  // Only a repeating phase reads the round, so a template without one compiles as it always did.
  const round = repeatingKinds.has(phase.kind) ? { round: path('$.round.count') } : {};
  const states: Record<string, AslState> = {
    [stateNames.phaseStart(key)]: invoke(
      'phaseStarted',
      {
        cycleId: path('$.cycleId'),
        phase: key,
        revision: path('$.revision.count'),
        ...round,
        templateVersion: template.version,
        executionId: path('$$.Execution.Id'),
        executionStartedAt: path('$$.Execution.StartTime'),
      },
      {
        ResultSelector: selectResult('phaseStarted', ['tasks']),
        ResultPath: '$.phase',
        Catch: [catchAll],
        Next: stateNames.phaseTasks(key),
      },
    ),
    [stateNames.phaseTasks(key)]: {
      Type: 'Parallel',
      Branches: phase.tasks.map(taskBranch),
      ResultPath: '$.results',
      Catch: [
        { ErrorEquals: [branchErrors.chained], ResultPath: null, Next: stateNames.chained },
        {
          ErrorEquals: [branchErrors.cancelled],
          ResultPath: '$.error',
          Next: stateNames.finish('CANCELLED'),
        },
        {
          ErrorEquals: [branchErrors.abandoned],
          ResultPath: '$.error',
          Next: stateNames.finish('ABANDONED'),
        },
        catchAll,
      ],
      Next: stateNames.phaseEnd(key),
    },
  };
  const continueTo = next ? stateNames.phaseStart(next.key) : afterLastPhase(template, phase, states);
  const afterEnd = compilerOf(phase).afterEnd({ template, phase, index, continueTo }, states);
  states[stateNames.phaseEnd(key)] = invoke(
    'phaseEnded',
    {
      cycleId: path('$.cycleId'),
      phase: key,
      revision: path('$.revision.count'),
      ...round,
      results: path('$.results'),
    },
    {
      ResultPath: null,
      Catch: [catchAll],
      Next: afterEnd,
    },
  );
  return states;
}

/** Compiles a validated template to its ASL definition. Pure: the same template gives the same JSON. */
export function compileTemplate(template: CycleTemplate): AslDefinition {
  const first = template.phases[0];
  if (!first) throw new Error(`Template ${template.id} has no phases`);
  const states: Record<string, AslState> = {
    [stateNames.entry]: {
      Type: 'Choice',
      Comment: 'A restart, a chained execution or a recovery resumes at a phase.',
      // Written as `IsPresent: true`: aws-local-stepfunctions@3 evaluates `IsPresent: false` as never matching.
      Choices: [{ Variable: '$.resumeAt', IsPresent: true, Next: stateNames.resumeAt }],
      Default: stateNames.phaseStart(first.key),
    },
    [stateNames.resumeAt]: {
      Type: 'Choice',
      Choices: template.phases.map((phase) => ({
        Variable: '$.resumeAt',
        StringEquals: phase.key,
        Next: stateNames.phaseStart(phase.key),
      })),
      Default: stateNames.unknownResume,
    },
    [stateNames.unknownResume]: {
      Type: 'Fail',
      Error: 'Romact.UnknownResumePhase',
      Cause: 'resumeAt names no phase of this template',
    },
  };
  template.phases.forEach((phase, index) => {
    Object.assign(states, phaseStates(template, phase, index));
  });
  // A repeating phase counts its rounds in `$.round`; every execution (a resume too) starts at round 0, and a
  // resumed phase replays its done rounds at once (their tasks are delivered as soon as they are reopened).
  const repeats = template.phases.some((phase) => repeatingKinds.has(phase.kind));
  if (repeats) {
    states[stateNames.roundZero] = {
      Type: 'Pass',
      Result: { count: 0 },
      ResultPath: '$.round',
      Next: stateNames.entry,
    };
  }
  if (outcomeTask(template)) {
    states[stateNames.startNextCycle] = invoke(
      'startNextCycle',
      { cycleId: path('$.cycleId') },
      { ResultPath: null, Catch: [catchAll], Next: stateNames.finish('COMPLETED') },
    );
  }
  for (const outcome of CycleOutcome.options) {
    states[stateNames.finish(outcome)] = invoke(
      'finishCycle',
      { cycleId: path('$.cycleId'), outcome },
      { ResultPath: null, Catch: [catchAll], Next: stateNames.done },
    );
  }
  states[stateNames.recordFailure] = invoke(
    'recordFailure',
    { cycleId: path('$.cycleId'), error: path('$.error') },
    {
      ResultPath: null,
      Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: null, Next: stateNames.failed }],
      Next: stateNames.failed,
    },
  );
  states[stateNames.failed] = {
    Type: 'Fail',
    Error: branchErrors.failed,
    Cause: 'A step failed; see the cycle’s audit trail',
  };
  states[stateNames.chained] = {
    Type: 'Succeed',
    Comment: 'A fresh execution, on the same state machine version, continues the cycle.',
  };
  states[stateNames.done] = { Type: 'Succeed' };
  return {
    Comment: `${template.title.en} (template ${template.id} v${template.version}), compiled by workflows/compile/`,
    StartAt: repeats ? stateNames.roundZero : stateNames.entry,
    States: states,
  };
}

/** Replaces the `${...}` placeholders with concrete values (what CDK's definitionSubstitutions does). */
export function substitute(definition: AslDefinition, values: Record<string, string>): AslDefinition {
  const json = JSON.stringify(definition).replace(
    /\$\{(\w+)\}/g,
    (match, name: string) => values[name] ?? match,
  );
  return JSON.parse(json) as AslDefinition;
}
