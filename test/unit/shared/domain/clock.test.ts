import { describe, expect, it } from 'vitest';
import { manualClock, scaledClock, systemClock } from '#shared/domain/clock.ts';

describe('clocks', () => {
  it('a manual clock moves only when told', () => {
    const clock = manualClock(new Date('2027-01-04T09:00:00.000Z'));
    expect(clock.now().toISOString()).toBe('2027-01-04T09:00:00.000Z');
    clock.advance(86_400_000);
    expect(clock.now().toISOString()).toBe('2027-01-05T09:00:00.000Z');
    clock.set(new Date('2028-02-29T00:00:00.000Z'));
    expect(clock.now().toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(clock.timerMs(5_000)).toBe(5_000);
  });

  it('a scaled clock runs faster from its origin, and shortens timers to match', () => {
    const origin = new Date('2027-01-04T09:00:00.000Z');
    const clock = scaledClock(86_400, origin, Date.now() - 1_000);
    // One real second at a day per second: about a day of planning time has passed.
    const passed = clock.now().getTime() - origin.getTime();
    expect(passed).toBeGreaterThanOrEqual(86_400_000);
    expect(passed).toBeLessThan(86_400_000 * 60);
    expect(clock.timerMs(86_400_000)).toBe(1_000);
  });

  it('refuses a scale below one (time does not run backwards or stand still)', () => {
    for (const scale of [0, 0.5, -1, Number.NaN]) expect(() => scaledClock(scale)).toThrow(RangeError);
  });

  it('the system clock is the wall clock', () => {
    const before = Date.now();
    expect(systemClock.now().getTime()).toBeGreaterThanOrEqual(before);
    expect(systemClock.timerMs(1_234)).toBe(1_234);
  });
});
