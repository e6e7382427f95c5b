/**
 * Time is a port: every deadline is computed from an injected clock, so tests and demos can skip weeks in
 * milliseconds. `timerMs` converts a span of planning time into the real milliseconds a timer must wait
 * (the same on AWS; shorter under a demo's time scale).
 */
export interface Clock {
  /** The current instant in planning time. */
  now(): Date;
  /** How many real milliseconds a timer waits for `planningMs` of planning time. */
  timerMs(planningMs: number): number;
}

/** The wall clock. */
export const systemClock: Clock = {
  now: () => new Date(),
  timerMs: (planningMs) => planningMs,
};

/**
 * A clock that runs `scale` times faster than the wall clock from `origin` (86400 = a day per second),
 * for demos and benchmarks on the local runtime.
 */
export function scaledClock(
  scale: number,
  origin: Date = new Date(),
  realOrigin: number = Date.now(),
): Clock {
  if (!(scale >= 1)) throw new RangeError(`Time scale must be at least 1, got ${scale}`);
  return {
    now: () => new Date(origin.getTime() + (Date.now() - realOrigin) * scale),
    timerMs: (planningMs) => planningMs / scale,
  };
}

/** A clock that moves only when told to: for tests. */
export interface ManualClock extends Clock {
  set(instant: Date): void;
  advance(ms: number): void;
}

/** Creates a manual clock standing at `start`. */
export function manualClock(start: Date): ManualClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    timerMs: (planningMs) => planningMs,
    set: (instant) => {
      current = instant.getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}
