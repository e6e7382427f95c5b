import { describe, expect, it } from 'vitest';
import { NotFoundError, UnauthenticatedError } from '#shared/domain/errors.ts';
import { callerFromClaims, canSeeTenant, visibleCycle, visibleTask } from '#shared/domain/model/caller.ts';
import type { Cycle } from '#shared/domain/model/cycle.ts';
import type { Task } from '#shared/domain/model/task.ts';

const thrown = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('callerFromClaims', () => {
  it('reads a coordinator’s countries, however they are separated', () => {
    expect(callerFromClaims({ role: 'coordinator', countries: 'BG, RO SK' })).toEqual({
      role: 'coordinator',
      countries: ['BG', 'RO', 'SK'],
    });
  });

  it('reads a person: their id, name and the membership they act in', () => {
    expect(
      callerFromClaims({
        role: 'cag',
        municipality: 'bg-x',
        sub: 'usr-1',
        name: 'Ana',
        membership: 'mbr-1',
        extra: 'ignored',
      }),
    ).toEqual({ role: 'cag', municipalityId: 'bg-x', userId: 'usr-1', name: 'Ana', membershipId: 'mbr-1' });
  });

  it('names no person for a token without a membership (a script token)', () => {
    expect(callerFromClaims({ role: 'municipality', municipality: 'bg-x', sub: 'usr-1' })).toEqual({
      role: 'municipality',
      municipalityId: 'bg-x',
    });
  });

  it('refuses claims that name no role, an unknown role, or no tenant (401)', () => {
    for (const claims of [
      undefined,
      {},
      { role: 'admin', countries: 'BG' },
      { role: 'coordinator' },
      { role: 'coordinator', countries: 'bg' },
      { role: 'coordinator', countries: ' , ' },
      { role: 'cag' },
      { role: 'municipality', municipality: '' },
    ])
      expect(
        thrown(() => callerFromClaims(claims)),
        JSON.stringify(claims),
      ).toBeInstanceOf(UnauthenticatedError);
  });
});

describe('tenancy', () => {
  const tenant = { municipalityId: 'bg-x', country: 'BG' };

  it('lets a coordinator see their countries and municipal callers their own municipality only', () => {
    expect(canSeeTenant({ role: 'coordinator', countries: ['RO', 'BG'] }, tenant)).toBe(true);
    expect(canSeeTenant({ role: 'coordinator', countries: ['RO'] }, tenant)).toBe(false);
    expect(canSeeTenant({ role: 'cag', municipalityId: 'bg-x' }, tenant)).toBe(true);
    expect(canSeeTenant({ role: 'municipality', municipalityId: 'bg-y' }, tenant)).toBe(false);
  });

  it('answers another tenant’s cycle or task exactly like an unknown one (404)', () => {
    const cycle = { cycleId: 'cyc-1', ...tenant } as Cycle;
    const task = { taskId: 't-1', ...tenant } as Task;
    const caller = { role: 'cag', municipalityId: 'bg-y' } as const;
    expect(visibleCycle({ role: 'cag', municipalityId: 'bg-x' }, cycle, 'cyc-1')).toBe(cycle);
    const foreign = thrown(() => visibleCycle(caller, cycle, 'cyc-1')) as NotFoundError;
    const missing = thrown(() => visibleCycle(caller, undefined, 'cyc-1')) as NotFoundError;
    expect(foreign).toBeInstanceOf(NotFoundError);
    expect(foreign.message).toBe(missing.message);
    expect(thrown(() => visibleTask(caller, task, 't-1'))).toBeInstanceOf(NotFoundError);
    expect(visibleTask({ role: 'coordinator', countries: ['BG'] }, task, 't-1')).toBe(task);
  });
});
