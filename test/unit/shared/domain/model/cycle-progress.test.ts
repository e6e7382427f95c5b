import { describe, expect, it } from 'vitest';
import { cycleProgress } from '#shared/domain/model/cycle-progress.ts';
import type { PhaseRun } from '#shared/domain/model/phase-run.ts';
import { romactTemplate } from '#workflows/templates/romact.ts';
import { cycleFixture, taskFixture } from '../../../../support/fixtures.ts';

const cycle = cycleFixture('cyc-1', { startedAt: '2027-01-01T00:00:00.000Z' });
const run = (phase: string, startedAt: string, endedAt?: string, revision = 0): PhaseRun => ({
  cycleId: 'cyc-1',
  phase,
  revision,
  startedAt,
  ...(endedAt ? { endedAt } : {}),
});

describe('cycleProgress', () => {
  it('plans a phase whose tasks are not open yet from the template, from the day it started', () => {
    const progress = cycleProgress(
      cycle,
      romactTemplate,
      [run('assessment', '2027-01-01T00:00:00.000Z')],
      [],
      new Date('2027-01-02T00:00:00.000Z'),
    );
    // The needs assessment is due 60 days after its phase starts.
    expect(progress.phases).toEqual([
      {
        phase: 'assessment',
        revision: 0,
        startedAt: '2027-01-01T00:00:00.000Z',
        plannedDueAt: '2027-03-02T00:00:00.000Z',
        late: false,
      },
    ]);
    expect(progress).toMatchObject({ openTasks: 0, overdueTasks: 0 });
    expect(progress).not.toHaveProperty('nextDueAt');
  });

  it('takes the latest due date of a run’s own tasks as its plan, and says which runs ended late', () => {
    const tasks = [
      taskFixture('cyc-1', 'needs-assessment', {
        status: 'COMPLETED',
        dueAt: '2027-03-01T00:00:00.000Z',
      }),
      taskFixture('cyc-1', 'cag-endorsement', {
        phase: 'plan-approval',
        dueAt: '2027-05-01T00:00:00.000Z',
        revision: 1,
        taskId: 'cyc-1.cag-endorsement.r1',
      }),
      taskFixture('cyc-1', 'council-decision', {
        phase: 'plan-approval',
        dueAt: '2027-05-10T00:00:00.000Z',
        revision: 1,
        taskId: 'cyc-1.council-decision.r1',
      }),
    ];
    const progress = cycleProgress(
      cycle,
      romactTemplate,
      [
        run('plan-approval', '2027-04-01T00:00:00.000Z', undefined, 1),
        run('assessment', '2027-01-01T00:00:00.000Z', '2027-03-05T00:00:00.000Z'),
      ],
      tasks,
      new Date('2027-05-05T00:00:00.000Z'),
    );
    expect(progress.phases).toMatchObject([
      { phase: 'assessment', plannedDueAt: '2027-03-01T00:00:00.000Z', late: true },
      { phase: 'plan-approval', revision: 1, plannedDueAt: '2027-05-10T00:00:00.000Z', late: false },
    ]);
    expect(progress).toMatchObject({
      openTasks: 2,
      overdueTasks: 1,
      nextDueAt: '2027-05-01T00:00:00.000Z',
      firstOpenTaskId: 'cyc-1.cag-endorsement.r1',
    });
  });
});
