import type { LocalConfig } from './config.ts';

/**
 * The deadline sweep on a timer: every ROMACT_SWEEP_MINUTES of planning time (at least once a second under a
 * fast clock), running the same handler as the scheduled Lambda. One sweep at a time; a slow one is not stacked.
 */
export function startSweeper(
  config: LocalConfig,
  clockTimerMs: (ms: number) => number,
  sweep: () => Promise<unknown>,
) {
  const intervalMs = Math.max(1_000, clockTimerMs(config.ROMACT_SWEEP_MINUTES * 60_000));
  let running: Promise<unknown> | undefined;
  const tick = () => {
    if (running) return;
    running = sweep()
      .catch(() => {})
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, intervalMs);
  tick();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
