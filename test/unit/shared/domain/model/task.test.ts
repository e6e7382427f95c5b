import { describe, expect, it } from 'vitest';
import { cycleIdOfTask, inboxOf, isOverdue, taskIdOf } from '#shared/domain/model/task.ts';

describe('task ids', () => {
  it('are the same for the same cycle, task and revision, and name their cycle', () => {
    const id = taskIdOf('cyc-0123456789abcdef0123', 'plan-approval', 2);
    expect(id).toBe('cyc-0123456789abcdef0123.plan-approval.r2');
    expect(taskIdOf('cyc-0123456789abcdef0123', 'plan-approval', 3)).not.toBe(id);
    expect(cycleIdOfTask(id)).toBe('cyc-0123456789abcdef0123');
    expect(cycleIdOfTask(`${id}.stall-1`)).toBe('cyc-0123456789abcdef0123');
  });
});

describe('isOverdue', () => {
  const due = { dueAt: '2027-03-01T21:59:59.999Z', status: 'OPEN' as const };
  it('is true from the due instant on, for open tasks only', () => {
    expect(isOverdue(due, new Date('2027-03-01T21:59:59.998Z'))).toBe(false);
    expect(isOverdue(due, new Date('2027-03-01T21:59:59.999Z'))).toBe(true);
    expect(isOverdue({ ...due, status: 'COMPLETED' }, new Date('2028-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('inboxOf', () => {
  it('puts a municipal task in its municipality’s role inbox, a coordinator task in the country’s', () => {
    expect(inboxOf({ assignee: 'cag', municipalityId: 'bg-x', country: 'BG' })).toEqual({
      role: 'cag',
      municipalityId: 'bg-x',
    });
    expect(inboxOf({ assignee: 'coordinator', municipalityId: 'bg-x', country: 'BG' })).toEqual({
      role: 'coordinator',
      country: 'BG',
    });
  });
});
