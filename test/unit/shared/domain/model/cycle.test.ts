import { describe, expect, it } from 'vitest';
import { type Cycle, liveStatuses, statusChange } from '#shared/domain/model/cycle.ts';

describe('statusChange', () => {
  const running = { status: 'RUNNING' } as Cycle;

  it('moves a cycle from one of the allowed statuses, with extra changes', () => {
    expect(statusChange(running, 'STALLED', ['RUNNING'], { updatedAt: 'now' })).toEqual({
      status: 'STALLED',
      updatedAt: 'now',
    });
  });

  it('changes nothing from any other status (a late or repeated transition)', () => {
    expect(
      statusChange({ status: 'CANCELLED' } as Cycle, 'COMPLETED', ['RUNNING', 'STALLED']),
    ).toBeUndefined();
  });

  it('counts only RUNNING and STALLED as live', () => {
    expect([...liveStatuses].sort()).toEqual(['RUNNING', 'STALLED']);
  });
});
