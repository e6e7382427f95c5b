import { describe, expect, it } from 'vitest';
import { compileTemplate } from '#workflows/compile/compile-template.ts';
import { stateNames } from '#workflows/compile/names.ts';
import { criticalFriendTemplate } from '#workflows/templates/critical-friend.ts';
import { romactTemplate } from '#workflows/templates/romact.ts';
import { type HumanRequest, runDefinition, type Script } from '../../support/asl-harness.ts';

const romact = compileTemplate(romactTemplate);
const approvals = new Set([
  'cag-endorsement',
  'council-decision',
  'municipality-acceptance',
  'cag-acceptance',
]);

/** Everyone answers at once: approvals approve, the review chooses `outcome`. */
function cooperative(outcome: 'close' | 'next-cycle' = 'close', overrides: Partial<Script> = {}): Script {
  return {
    answer: (request) => {
      const taskId = `${request.taskKey}#${request.revision}`;
      if (approvals.has(request.taskKey)) return { taskId, decision: 'approve' };
      if (request.taskKey === 'monitoring-report') return { taskId, outcome };
      return { taskId };
    },
    ...overrides,
  };
}

const opens = (report: { calls: { step: string; payload: Record<string, unknown> }[] }) =>
  report.calls
    .filter((call) => call.step === 'openTask')
    .map((call) => call.payload as unknown as HumanRequest);
const finished = (report: { calls: { step: string; payload: Record<string, unknown> }[] }) =>
  report.calls.filter((call) => call.step === 'finishCycle').map((call) => call.payload.outcome);

describe('ROMACT definition on the local interpreter', () => {
  it('runs the happy path through all five phases in order and completes', async () => {
    const report = await runDefinition(romact, cooperative());

    expect(report.error).toBeUndefined();
    const phaseStarts = report.visited.filter((name) => name.endsWith(': start'));
    expect(phaseStarts).toEqual([
      'assessment: start',
      'consultation: start',
      'plan-approval: start',
      'funding: start',
      'review: start',
    ]);
    expect(opens(report).map((request) => request.taskKey)).toEqual([
      'needs-assessment',
      'community-consultation',
      expect.stringMatching(/cag-endorsement|council-decision/),
      expect.stringMatching(/cag-endorsement|council-decision/),
      'funding-applications',
      'monitoring-report',
    ]);
    expect(finished(report)).toEqual(['COMPLETED']);
    expect(report.visited.at(-1)).toBe(stateNames.done);
    expect(report.calls.some((call) => call.step === 'startNextCycle')).toBe(false);
  });

  it('carries the task token, cycle, phase, task key and due date to the open-task step', async () => {
    const report = await runDefinition(romact, cooperative());
    const first = opens(report)[0];
    expect(first).toMatchObject({
      taskToken: 'placeholder-token',
      cycleId: 'cyc-1',
      phase: 'assessment',
      taskKey: 'needs-assessment',
      revision: 0,
      dueAt: '2027-01-01T00:00:00.000Z',
      timeoutSeconds: 3600,
    });
  });

  it('sends a rejected plan back to consultation once, then continues when both approve', async () => {
    const script = cooperative();
    const report = await runDefinition(romact, {
      ...script,
      answer: (request, before) =>
        request.taskKey === 'council-decision' && before === 0
          ? { taskId: 'x', decision: 'reject' }
          : script.answer(request, before),
    });

    expect(report.error).toBeUndefined();
    const starts = report.visited.filter((name) => name.endsWith(': start'));
    expect(starts).toEqual([
      'assessment: start',
      'consultation: start',
      'plan-approval: start',
      'consultation: start',
      'plan-approval: start',
      'funding: start',
      'review: start',
    ]);
    const consultationRevisions = opens(report)
      .filter((request) => request.taskKey === 'community-consultation')
      .map((request) => request.revision);
    expect(consultationRevisions).toEqual([0, 1]);
    expect(finished(report)).toEqual(['COMPLETED']);
  });

  it('ends as PLAN_REJECTED after the maximum number of revisions', async () => {
    const script = cooperative();
    const report = await runDefinition(romact, {
      ...script,
      answer: (request, before) =>
        request.taskKey === 'cag-endorsement'
          ? { taskId: 'x', decision: 'reject' }
          : script.answer(request, before),
    });

    expect(report.error).toBeUndefined();
    expect(report.visited.filter((name) => name === 'plan-approval: start')).toHaveLength(3);
    expect(report.visited).toContain(stateNames.finish('PLAN_REJECTED'));
    expect(finished(report)).toEqual(['PLAN_REJECTED']);
    expect(report.visited).not.toContain('funding: start');
  });

  it('waits again when the deadline was extended before the timer fired', async () => {
    const script = cooperative('close', {
      timeoutSeconds: (key) => (key === 'needs-assessment' ? 1 : 3600),
      deadline: (request) => ({ action: 'wait', request: { ...request, timeoutSeconds: 3600 } }),
    });
    const report = await runDefinition(romact, {
      ...script,
      answer: (request, before) =>
        request.taskKey === 'needs-assessment' && before === 0 ? undefined : script.answer(request, before),
    });

    expect(report.error).toBeUndefined();
    const assessmentStates = report.visited.filter((name) => name.startsWith('needs-assessment:'));
    expect(assessmentStates).toEqual([
      'needs-assessment: stage',
      'needs-assessment: await',
      'needs-assessment: check deadline',
      'needs-assessment: deadline passed',
      'needs-assessment: wait again',
      'needs-assessment: await',
    ]);
    const assessmentOpens = opens(report).filter((request) => request.taskKey === 'needs-assessment');
    expect(assessmentOpens.map((request) => request.timeoutSeconds)).toEqual([1, 3600]);
    expect(finished(report)).toEqual(['COMPLETED']);
  });

  it('stalls past the hard stop, and the coordinator resumes the task with a new deadline', async () => {
    const stallRequest = (request: HumanRequest) => ({
      ...request,
      taskKey: `${request.taskKey}.stall`,
      kind: 'stall-resolution',
      timeoutSeconds: 3600,
    });
    const script = cooperative('close', {
      timeoutSeconds: (key) => (key === 'funding-applications' ? 1 : 3600),
      // The first check stalls the task; the check after the coordinator's resume finds the new deadline.
      deadline: (request) =>
        request.kind === 'task'
          ? { action: 'stall', request: stallRequest(request) }
          : { action: 'wait', request: { ...request, taskKey: 'funding-applications', kind: 'task' } },
    });
    const report = await runDefinition(romact, {
      ...script,
      answer: (request, before) => {
        if (request.kind === 'stall-resolution') return { taskId: 'stall', action: 'resume' };
        if (request.taskKey === 'funding-applications' && before === 0) return undefined;
        return script.answer(request, before);
      },
    });

    expect(report.error).toBeUndefined();
    expect(report.visited.filter((name) => name.startsWith('funding-applications:'))).toEqual([
      'funding-applications: stage',
      'funding-applications: await',
      'funding-applications: check deadline',
      'funding-applications: deadline passed',
      'funding-applications: stalled',
      'funding-applications: await coordinator',
      'funding-applications: coordinator decided',
      'funding-applications: check deadline',
      'funding-applications: deadline passed',
      'funding-applications: wait again',
      'funding-applications: await',
    ]);
    expect(opens(report).filter((request) => request.kind === 'stall-resolution')).toHaveLength(1);
    expect(finished(report)).toEqual(['COMPLETED']);
  });

  it('cancels the cycle when the coordinator cancels a stalled task', async () => {
    const script = cooperative('close', {
      timeoutSeconds: (key) => (key === 'community-consultation' ? 1 : 3600),
      deadline: (request) => ({ action: 'stall', request: { ...request, kind: 'stall-resolution' } }),
    });
    const report = await runDefinition(romact, {
      ...script,
      answer: (request, before) => {
        if (request.kind === 'stall-resolution') return { taskId: 'stall', action: 'cancel' };
        if (request.taskKey === 'community-consultation') return undefined;
        return script.answer(request, before);
      },
    });

    expect(report.error).toBeUndefined();
    expect(finished(report)).toEqual(['CANCELLED']);
    expect(report.visited).not.toContain('plan-approval: start');
  });

  it('abandons the cycle when nobody resolves the stall before its hard stop', async () => {
    const script = cooperative('close', {
      timeoutSeconds: (key) => (key === 'needs-assessment' ? 1 : 3600),
      deadline: (request) => ({ action: 'abandon', request }),
    });
    const report = await runDefinition(romact, {
      ...script,
      answer: (request, before) =>
        request.taskKey === 'needs-assessment' ? undefined : script.answer(request, before),
    });

    expect(finished(report)).toEqual(['ABANDONED']);
  });

  it.each(romactTemplate.phases.map((phase, index) => [phase.key, index] as const))(
    'resumes at the %s phase and runs only that phase and the ones after it',
    async (phaseKey, index) => {
      const report = await runDefinition(romact, cooperative(), {
        cycleId: 'cyc-1',
        revision: { count: 0 },
        resumeAt: phaseKey,
      });

      expect(report.error).toBeUndefined();
      const starts = report.visited.filter((name) => name.endsWith(': start'));
      expect(starts).toEqual(romactTemplate.phases.slice(index).map((phase) => `${phase.key}: start`));
    },
  );

  it('fails clearly when asked to resume at a phase the template does not have', async () => {
    const report = await runDefinition(romact, cooperative(), {
      cycleId: 'cyc-1',
      revision: { count: 0 },
      resumeAt: 'nowhere',
    });
    expect(report.visited).toContain(stateNames.unknownResume);
    expect((report.error?.cause as Error | undefined)?.name).toBe('Romact.UnknownResumePhase');
  });

  it('ends the execution when a deadline check hands the phase to a fresh execution (chain), and nothing else runs', async () => {
    const report = await runDefinition(
      romact,
      cooperative('close', {
        answer: (request, count) =>
          request.taskKey === 'community-consultation' ? undefined : cooperative().answer(request, count),
        timeoutSeconds: () => 1,
        deadline: (request) => ({ action: 'chain', request }),
      }),
    );

    expect(report.error).toBeUndefined();
    const checks = report.calls.filter((call) => call.step === 'deadlineCheck');
    expect(checks[0]?.payload).toMatchObject({
      executionId: expect.any(String),
      executionStartedAt: expect.any(String),
    });
    expect(report.visited).toContain('community-consultation: continues in a fresh execution');
    expect(report.visited.at(-1)).toBe(stateNames.chained);
    const ended = report.calls.filter((call) => call.step === 'phaseEnded');
    expect(ended.map((call) => call.payload.phase)).toEqual(['assessment']);
    expect(report.calls.map((call) => call.step)).not.toContain('recordFailure');
    expect(finished(report)).toEqual([]);
  });

  it('starts the next cycle when the review chooses next-cycle, and only then', async () => {
    const next = await runDefinition(romact, cooperative('next-cycle'));
    const close = await runDefinition(romact, cooperative('close'));

    expect(next.calls.filter((call) => call.step === 'startNextCycle')).toHaveLength(1);
    expect(finished(next)).toEqual(['COMPLETED']);
    expect(close.calls.filter((call) => call.step === 'startNextCycle')).toHaveLength(0);
    expect(finished(close)).toEqual(['COMPLETED']);
  });

  it('records the failure and fails the execution when a step throws', async () => {
    const definition = compileTemplate(romactTemplate);
    const report = await runDefinition(definition, {
      answer: (request) => {
        if (request.taskKey === 'community-consultation') throw new Error('boom');
        return { taskId: 'x' };
      },
    });
    expect(report.visited).toContain(stateNames.recordFailure);
    expect(report.calls.filter((call) => call.step === 'recordFailure')).toHaveLength(1);
    expect((report.error?.cause as Error | undefined)?.name).toBe('Romact.CycleFailed');
  });
});

describe('Critical friend definition on the local interpreter', () => {
  it('runs its three phases, including the coordinator’s visit, and closes', async () => {
    const report = await runDefinition(compileTemplate(criticalFriendTemplate), cooperative());

    expect(report.error).toBeUndefined();
    expect(report.visited.filter((name) => name.endsWith(': start'))).toEqual([
      'self-assessment: start',
      'peer-visit: start',
      'acceptance: start',
    ]);
    expect(finished(report)).toEqual(['COMPLETED']);
    expect(report.visited).not.toContain(stateNames.startNextCycle);
  });

  it('sends rejected recommendations back to the peer visit', async () => {
    const script = cooperative();
    const report = await runDefinition(compileTemplate(criticalFriendTemplate), {
      ...script,
      answer: (request, before) =>
        request.taskKey === 'cag-acceptance' && before === 0
          ? { taskId: 'x', decision: 'reject' }
          : script.answer(request, before),
    });
    expect(report.visited.filter((name) => name === 'peer-visit: start')).toHaveLength(2);
    expect(finished(report)).toEqual(['COMPLETED']);
  });
});
