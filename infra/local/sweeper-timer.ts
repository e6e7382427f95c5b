import type { LocalConfig } from './config.ts';
import type { LocalRuntime } from './runtime.ts';

/** The deadline sweep on a timer (every ROMACT_SWEEP_MINUTES of planning time, at least once a second). */
export function startSweeper(
  runtime: LocalRuntime,
  config: LocalConfig,
  sweep: () => Promise<unknown> = async () => {},
) {
  const intervalMs = Math.max(1_000, runtime.deps.clock.timerMs(config.ROMACT_SWEEP_MINUTES * 60_000));
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweep()
      .catch(() => {})
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
