import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { type Clock, scaledClock, systemClock } from '#shared/domain/clock.ts';

/** The local runtime's settings, from the environment (validated: a bad value stops the start with its name). */
export const LocalConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  ROMACT_DATA_DIR: z.string().default('.romact'),
  /** 86400 = a day of planning time per second, for demos. */
  ROMACT_TIME_SCALE: z.coerce.number().min(1).max(10_000_000).default(1),
  /** How often the deadline sweep runs, in planning-time minutes (15 on AWS). */
  ROMACT_SWEEP_MINUTES: z.coerce.number().min(1).max(1_440).default(15),
  /** Optional: every notification is also POSTed here (with retries). */
  ROMACT_WEBHOOK_URL: z.url().optional(),
});
/** The local runtime's settings. */
export type LocalConfig = z.infer<typeof LocalConfig>;

/** Reads the settings, or throws naming each bad variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): LocalConfig {
  const result = LocalConfig.safeParse(env);
  if (result.success) return { ...result.data, ROMACT_DATA_DIR: resolve(result.data.ROMACT_DATA_DIR) };
  throw new Error(
    `Invalid settings: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
  );
}

const ClockAnchor = z.object({ scale: z.number(), planningOrigin: z.string(), realOrigin: z.number() });

/**
 * The clock for a time scale. Its anchor is kept in the data dir so a restart continues from the planning time
 * the data was written at, instead of jumping back to today.
 */
export function clockFor(dataDir: string, scale: number): Clock {
  const path = join(dataDir, 'clock.json');
  mkdirSync(dataDir, { recursive: true });
  const stored = existsSync(path) ? ClockAnchor.safeParse(JSON.parse(readFileSync(path, 'utf8'))) : undefined;
  const previous = stored?.success ? stored.data : undefined;
  if (scale === 1 && (!previous || previous.scale === 1)) return systemClock;
  const planningNow = previous
    ? scaledClock(previous.scale, new Date(previous.planningOrigin), previous.realOrigin).now()
    : new Date();
  const anchor = { scale, planningOrigin: planningNow.toISOString(), realOrigin: Date.now() };
  writeFileSync(path, JSON.stringify(anchor));
  return scaledClock(scale, planningNow, anchor.realOrigin);
}
