import { resolve } from 'node:path';
import * as z from 'zod';
import { DEFAULT_SWEEP_SHARDS, MAX_SWEEP_SHARDS } from '#shared/adapters/dynamodb/tasks.ts';

/** The local runtime's settings, from the environment (validated: a bad value stops the start with its name). */
export const LocalConfig = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  ROMACT_DATA_DIR: z.string().default('.romact'),
  /**
   * 86400 = a day of planning time per second, for demos. Planning time advances only while the server runs
   * (it is kept in clock.json); delete that file to start again from today.
   */
  ROMACT_TIME_SCALE: z.coerce.number().min(1).max(10_000_000).default(1),
  /** How often the deadline sweep runs, in planning-time minutes (15 on AWS). */
  ROMACT_SWEEP_MINUTES: z.coerce.number().min(1).max(1_440).default(15),
  /**
   * Shards of the sweep index: open tasks spread over this many index partitions by a hash of their id (safe to
   * change; docs/data-model.md).
   */
  ROMACT_SWEEP_SHARDS: z.coerce.number().int().min(1).max(MAX_SWEEP_SHARDS).default(DEFAULT_SWEEP_SHARDS),
  /** Optional: every notification is also POSTed here, signed and retried (docs/webhook.md). */
  ROMACT_WEBHOOK_URL: z.url().optional(),
  /** The webhook's signing secret; without it one is generated in the data dir (`webhook-secret`). */
  ROMACT_WEBHOOK_SECRET: z.string().min(16).max(512).optional(),
  /** How long an undelivered webhook post is retried before it is set aside, in hours. */
  ROMACT_WEBHOOK_RETRY_HOURS: z.coerce.number().min(0.01).max(168).default(24),
  /** Where people open the web app: the links in messages point here (the server's own URL when unset). */
  ROMACT_PUBLIC_URL: z.url().optional(),
  /** The countries this server serves, ISO-3166 alpha-2 codes separated by commas. */
  ROMACT_COUNTRIES: z
    .string()
    .regex(/^[A-Z]{2}(,[A-Z]{2})*$/, 'must be country codes separated by commas, such as "BG,RO"')
    .default('BG,CZ,HU,IT,RO,SK'),
  /** Sends email for real through this SMTP server (e.g. smtps://user:pass@smtp.example.org); else the outbox only. */
  ROMACT_SMTP_URL: z.url().optional(),
  /** The sender of real email. */
  ROMACT_SMTP_FROM: z.string().max(200).default('ROMACT <romact@localhost>'),
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
