import { describe, expect, it } from 'vitest';
import { compileTemplate } from '#workflows/compile/compile-template.ts';
import { romactTemplate } from '#workflows/templates/romact.ts';
import { romactProcessTemplate } from '#workflows/templates/romact-process.ts';
import { smallGrantTemplate } from '#workflows/templates/small-grant.ts';
import { type HumanRequest, type RunReport, runDefinition, type Script } from '../../support/asl-harness.ts';

const process = compileTemplate(romactProcessTemplate);
const approvers = new Set([
  'cag-endorsement',
  'municipality-endorsement',
  'council-decision',
  'cag-selection',
  'municipality-selection',
]);
/** The round tasks of the process, and how many rounds each asks for in the script. */
const rounds: Record<string, number> = {
  'meeting-minutes': 3,
  'application-outcomes': 2,
  'indicator-report': 4,
};

/** Everyone answers at once; a round task asks for another round until its count; `reject` rejects once. */
function script(options: { reject?: string; endless?: string } = {}): Script {
  const rejected = new Set<string>();
  return {
    answer: (request, timesOpenedBefore) => {
      const taskId = `${request.taskKey}#${request.revision}`;
      if (approvers.has(request.taskKey)) {
        if (options.reject === request.taskKey && !rejected.has(request.taskKey)) {
          rejected.add(request.taskKey);
          return { taskId, decision: 'reject' };
        }
        return { taskId, decision: 'approve' };
      }
      if (request.taskKey === 'monitoring-report') return { taskId, outcome: 'next-cycle' };
      const wanted = rounds[request.taskKey];
      if (wanted !== undefined) {
        const again = options.endless === request.taskKey || timesOpenedBefore + 1 < wanted;
        return { taskId, next: again ? 'another-round' : 'phase-done' };
      }
      return { taskId };
    },
  };
}

const starts = (report: RunReport) =>
  report.calls
    .filter((call) => call.step === 'phaseStarted')
    .map(
      (call) => `${String(call.payload.phase)}${call.payload.round ? `#${String(call.payload.round)}` : ''}`,
    );
const opens = (report: RunReport) =>
  report.calls
    .filter((call) => call.step === 'openTask')
    .map((call) => call.payload as unknown as HumanRequest);
const finished = (report: RunReport) =>
  report.calls.filter((call) => call.step === 'finishCycle').map((call) => call.payload.outcome);

describe('The whole ROMACT process (romact v2) on the local interpreter', () => {
  it('runs every phase in order, repeating meetings, application rounds and indicator periods, then starts the next cycle', async () => {
    const report = await runDefinition(process, script());

    expect(report.error).toBeUndefined();
    expect(starts(report)).toEqual([
      'commitment',
      'groups',
      'prioritisation',
      'meetings',
      'meetings#1',
      'meetings#2',
      'action-plan',
      'plan-approval',
      'council-adoption',
      'fiches',
      'applications',
      'applications#1',
      'implementation',
      'implementation#1',
      'implementation#2',
      'implementation#3',
      'review',
    ]);
    // The end step of a repeating phase knows its round too (its audit event is the round's own).
    expect(
      report.calls
        .filter((call) => call.step === 'phaseEnded' && call.payload.phase === 'meetings')
        .map((call) => call.payload.round),
    ).toEqual([0, 1, 2]);
    expect(opens(report).filter((request) => request.phase === 'implementation')).toHaveLength(8);
    expect(report.calls.some((call) => call.step === 'startNextCycle')).toBe(true);
    expect(finished(report)).toEqual(['COMPLETED']);
  });

  it('sends the plan back to the action plan when the council rejects it, with the revision raised', async () => {
    const report = await runDefinition(process, script({ reject: 'council-decision' }));

    expect(report.error).toBeUndefined();
    const phases = starts(report);
    expect(phases.slice(phases.indexOf('council-adoption'), phases.indexOf('council-adoption') + 4)).toEqual([
      'council-adoption',
      'action-plan',
      'plan-approval',
      'council-adoption',
    ]);
    const plans = report.calls.filter(
      (call) => call.step === 'phaseStarted' && call.payload.phase === 'action-plan',
    );
    expect(plans.map((call) => call.payload.revision)).toEqual([0, 1]);
    expect(finished(report)).toEqual(['COMPLETED']);
  });

  it('ends a phase that keeps asking for another round at its maximum of rounds, and goes on', async () => {
    const report = await runDefinition(process, script({ endless: 'meeting-minutes' }));

    expect(report.error).toBeUndefined();
    expect(starts(report).filter((phase) => phase.startsWith('meetings'))).toHaveLength(12);
    expect(starts(report)).toContain('action-plan');
  });

  it('leaves the five-phase romact v1 definition without rounds (running cycles keep their definition)', () => {
    const v1 = JSON.stringify(compileTemplate(romactTemplate));
    expect(v1).not.toContain('$.round');
    expect(compileTemplate(romactTemplate).StartAt).toBe('Entry');
    expect(process.StartAt).toBe('First round');
  });
});

describe('The small grant on the local interpreter', () => {
  it('runs proposal, joint selection, co-financing and the report, and a rejection sends the proposal back once', async () => {
    const definition = compileTemplate(smallGrantTemplate);
    const happy = await runDefinition(definition, script());
    expect(starts(happy)).toEqual(['proposal', 'selection', 'co-financing', 'implementation']);
    expect(finished(happy)).toEqual(['COMPLETED']);

    const revised = await runDefinition(definition, script({ reject: 'cag-selection' }));
    expect(starts(revised)).toEqual([
      'proposal',
      'selection',
      'proposal',
      'selection',
      'co-financing',
      'implementation',
    ]);
    expect(finished(revised)).toEqual(['COMPLETED']);
  });
});
