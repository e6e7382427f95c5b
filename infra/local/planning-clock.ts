import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import { ensurePrivateDir, warnLine, writeFileAtomic } from '#shared/adapters/local/files.ts';
import { type Clock, scaledClock, systemClock } from '#shared/domain/clock.ts';

/**
 * The local server's planning clock. Under ROMACT_TIME_SCALE planning time runs faster than the wall clock,
 * but only while the server runs: the planning time is saved in `clock.json` every second and on shutdown,
 * and the next start continues from it. (Anchoring it to the wall clock instead made nine minutes of downtime
 * at a day per second cost two planning years, and every cycle was abandoned on the next start.)
 */

/** Where the planning time is kept, in the data dir. */
export const CLOCK_FILE = 'clock.json';

const SavedClock = z.union([
  z.object({ scale: z.number().min(1), planningTime: z.iso.datetime() }),
  // Written by earlier versions: the planning time of the last start (the time spent running since is lost).
  z
    .object({ scale: z.number().min(1), planningOrigin: z.iso.datetime() })
    .transform(({ scale, planningOrigin }) => ({ scale, planningTime: planningOrigin })),
]);

/** The planning clock and how it is kept. */
export interface PlanningClock {
  clock: Clock;
  /** The planning time this run started from, when it continues a previous run's. */
  continuedFrom?: Date;
  /** Saves the current planning time (atomically); does nothing for the plain wall clock. */
  save(): void;
  /** Saves every `intervalMs` of real time until stopped; `stop` saves one last time. */
  keepSaved(intervalMs?: number): { stop(): void };
}

function readSaved(path: string, warn: (message: string) => void) {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  let parsed: ReturnType<typeof SavedClock.safeParse> | undefined;
  try {
    parsed = SavedClock.safeParse(JSON.parse(text));
  } catch {
    parsed = undefined;
  }
  const saved = parsed?.success ? parsed.data : undefined;
  if (!saved || !Number.isFinite(Date.parse(saved.planningTime))) {
    warn(`${path} was ${text.trim() ? 'unreadable' : 'empty'}; planning time starts again from today`);
    rmSync(path, { force: true });
    return undefined;
  }
  return saved;
}

/**
 * Opens the planning clock of a data dir at a time scale: it continues from the saved planning time when
 * there is one (whatever the scale), else starts now. At scale 1 with nothing saved it is the wall clock.
 */
export function openPlanningClock(
  dataDir: string,
  scale: number,
  warn: (message: string) => void = warnLine,
): PlanningClock {
  ensurePrivateDir(dataDir);
  const path = join(dataDir, CLOCK_FILE);
  const saved = readSaved(path, warn);
  if (scale === 1 && !saved) {
    return { clock: systemClock, save: () => {}, keepSaved: () => ({ stop: () => {} }) };
  }
  const continuedFrom = saved ? new Date(saved.planningTime) : undefined;
  const clock = scaledClock(scale, continuedFrom ?? new Date(), Date.now());
  const save = () =>
    writeFileAtomic(
      path,
      JSON.stringify({ scale, planningTime: clock.now().toISOString(), savedAt: new Date().toISOString() }),
    );
  save();
  return {
    clock,
    ...(continuedFrom ? { continuedFrom } : {}),
    save,
    keepSaved(intervalMs = 1_000) {
      const timer = setInterval(() => {
        try {
          save();
        } catch (error) {
          warn(`could not save the planning time to ${path}: ${(error as Error).message}`);
        }
      }, intervalMs);
      timer.unref();
      return {
        stop: () => {
          clearInterval(timer);
          save();
        },
      };
    },
  };
}
