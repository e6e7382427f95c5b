import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openPlanningClock } from '#infra/local/planning-clock.ts';
import { systemClock } from '#shared/domain/clock.ts';

const DAY = 86_400_000;
const T0 = new Date('2027-01-04T09:00:00.000Z');
let dir: string;
let warnings: string[];
const warn = (line: string) => warnings.push(line);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'romact-clock-'));
  warnings = [];
  vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] });
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
  rmSync(dir, { recursive: true, force: true });
});

describe('openPlanningClock', () => {
  it('does not advance scaled planning time while the server is down', () => {
    // Prepare: a day a second; the server runs 10 s (10 planning days), saving every second, then stops.
    const first = openPlanningClock(dir, 86_400, warn);
    const saving = first.keepSaved(1_000);
    vi.advanceTimersByTime(10_000);
    const atStop = first.clock.now().getTime();
    saving.stop();
    expect(atStop - T0.getTime()).toBe(10 * DAY);

    // Act: nine minutes down (two planning years if the clock kept running), then a start.
    vi.advanceTimersByTime(9 * 60_000);
    const second = openPlanningClock(dir, 86_400, warn);

    // Assess
    expect(second.clock.now().getTime()).toBe(atStop);
    expect(second.continuedFrom?.getTime()).toBe(atStop);
    vi.advanceTimersByTime(1_000);
    expect(second.clock.now().getTime()).toBe(atStop + DAY);
    expect(warnings).toEqual([]);
  });

  it('loses at most the last second of planning time to a SIGKILL', () => {
    const first = openPlanningClock(dir, 86_400, warn);
    first.keepSaved(1_000);
    vi.advanceTimersByTime(5_500); // killed between two saves: nothing runs on exit
    const second = openPlanningClock(dir, 86_400, warn);
    expect(second.clock.now().getTime() - T0.getTime()).toBe(5 * DAY);
  });

  it('continues from the saved planning time when restarted at real time, instead of jumping back', () => {
    const fast = openPlanningClock(dir, 86_400, warn);
    vi.advanceTimersByTime(30_000);
    fast.save();
    const saved = fast.clock.now().getTime();

    const real = openPlanningClock(dir, 1, warn);
    expect(real.clock.now().getTime()).toBe(saved);
    vi.advanceTimersByTime(60_000);
    expect(real.clock.now().getTime()).toBe(saved + 60_000);
  });

  it('is the wall clock at real time when nothing was saved, and writes nothing', () => {
    const opened = openPlanningClock(dir, 1, warn);
    expect(opened.clock).toBe(systemClock);
    opened.keepSaved().stop();
    expect(existsSync(join(dir, 'clock.json'))).toBe(false);
  });

  it('starts from today with one warning when clock.json is empty or damaged, instead of refusing to start', () => {
    for (const content of ['', '{"scale": 86400, "planningTi', '{"scale": 0, "planningTime": "x"}']) {
      warnings = [];
      writeFileSync(join(dir, 'clock.json'), content);

      const opened = openPlanningClock(dir, 86_400, warn);

      expect(opened.clock.now().getTime()).toBe(T0.getTime());
      expect(opened.continuedFrom).toBeUndefined();
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain('clock.json');
      expect(JSON.parse(readFileSync(join(dir, 'clock.json'), 'utf8')).scale).toBe(86_400);
    }
  });

  it('writes clock.json whole, readable by its owner only, leaving no temp file behind', () => {
    const opened = openPlanningClock(dir, 3_600, warn);
    opened.keepSaved(1_000);
    vi.advanceTimersByTime(3_000);
    expect(statSync(join(dir, 'clock.json')).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['clock.json']);
  });
});
