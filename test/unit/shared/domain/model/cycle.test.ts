import { describe, expect, it } from 'vitest';
import { Cycle, liveStatuses, statusChange } from '#shared/domain/model/cycle.ts';
import { builtInCatalog } from '#workflows/templates/index.ts';
import { cycleFixture } from '../../../../support/fixtures.ts';

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

describe('a cycle stored before templates had versions', () => {
  it('reads as version 1, so it keeps the definition and titles it started with', () => {
    const { templateVersion: _none, ...stored } = cycleFixture('cyc-wave-one', { templateId: 'romact' });
    const cycle = Cycle.parse(stored);
    expect(cycle.templateVersion).toBe(1);
    const template = builtInCatalog.get(cycle.templateId, cycle.templateVersion);
    expect(template?.version).toBe(1);
    expect(builtInCatalog.get('romact')?.version).toBeGreaterThan(1);
  });
});
