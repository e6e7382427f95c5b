import { describe, expect, it } from 'vitest';
import { CycleId, MunicipalityId, TaskId, UserId } from '#shared/domain/model/ids.ts';

const ok = (schema: { safeParse: (value: unknown) => { success: boolean } }, value: string) =>
  schema.safeParse(value).success;

describe('ids', () => {
  it('take municipality ids of lower-case letters, digits and inner hyphens, up to 64', () => {
    for (const good of ['bg-sliven', 'a', '1', 'a'.repeat(64)])
      expect(ok(MunicipalityId, good), good).toBe(true);
    for (const bad of ['', 'BG-Sliven', '-bg', 'bg-', 'bg sliven', 'a'.repeat(65), 'bg/../x'])
      expect(ok(MunicipalityId, bad), bad).toBe(false);
  });

  it('take cycle and task ids only as the engine issues them', () => {
    const cycle = 'cyc-0123456789abcdef0123';
    expect(ok(CycleId, cycle)).toBe(true);
    expect(ok(CycleId, 'cyc-0123')).toBe(false);
    for (const good of [`${cycle}.needs-assessment.r0`, `${cycle}.plan-approval.r12.stall-1700000000000`])
      expect(ok(TaskId, good), good).toBe(true);
    for (const bad of [`${cycle}.Needs.r0`, `${cycle}.needs-assessment`, `${cycle}.x.r0.stall-`, 'x.y.r0'])
      expect(ok(TaskId, bad), bad).toBe(false);
  });

  it('take a person’s id only as the engine issues them', () => {
    expect(ok(UserId, 'usr-0123456789abcdef0123')).toBe(true);
    for (const bad of [
      'usr-0123',
      'USR-0123456789abcdef0123',
      'usr-0123456789abcdef012g',
      '../usr-0123456789abcdef0123',
    ])
      expect(ok(UserId, bad), bad).toBe(false);
  });
});
