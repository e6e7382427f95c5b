import type { Cycle } from '#shared/domain/model/cycle.ts';
import type { Task } from '#shared/domain/model/task.ts';

/** A running ROMACT cycle of municipality `bg-1`, with overrides. */
export function cycleFixture(cycleId: string, overrides: Partial<Cycle> = {}): Cycle {
  return {
    cycleId,
    templateId: 'romact-core',
    templateVersion: 1,
    municipalityId: 'bg-1',
    country: 'BG',
    status: 'RUNNING',
    currentPhase: 'assessment',
    revision: 0,
    dates: {},
    dueOverrides: {},
    executionName: cycleId,
    startedAt: '2027-01-01T00:00:00.000Z',
    updatedAt: '2027-01-01T00:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

/** An open municipality task of a cycle, with overrides. */
export function taskFixture(cycleId: string, key: string, overrides: Partial<Task> = {}): Task {
  return {
    taskId: `${cycleId}.${key}.r0`,
    cycleId,
    templateId: 'romact-core',
    municipalityId: 'bg-1',
    country: 'BG',
    phase: 'assessment',
    taskKey: key,
    revision: 0,
    kind: 'task',
    assignee: 'municipality',
    output: 'needs-assessment',
    status: 'OPEN',
    dueAt: '2027-03-01T00:00:00.000Z',
    hardStopAt: '2027-04-01T00:00:00.000Z',
    openedAt: '2027-01-01T00:00:00.000Z',
    taskToken: 'token-1',
    tokenDelivered: false,
    extensions: 0,
    version: 1,
    ...overrides,
  };
}
