import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_SWEEP_SHARDS, MAX_SWEEP_SHARDS } from '#shared/adapters/dynamodb/tasks.ts';
import { LocaleCode } from '#shared/domain/model/roles.ts';

/**
 * The regions to deploy, validated at synth time: a bad file stops `cdk synth` with the field named.
 * One stack per region keeps each country's data in the region that serves it.
 */
const Country = z.strictObject({
  code: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO-3166 alpha-2 code such as "BG"'),
  locale: LocaleCode,
  timeZone: z.string().refine((zone) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as "Europe/Sofia"'),
});

export const RegionConfig = z.strictObject({
  region: z.string().regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'must be an AWS region such as "eu-central-1"'),
  /** Optional: without it the stack is environment-agnostic. */
  account: z
    .string()
    .regex(/^\d{12}$/, 'must be a 12-digit AWS account id')
    .optional(),
  countries: z.array(Country).min(1),
  alarmEmail: z.email(),
  smsSenderId: z.string().regex(/^[A-Za-z0-9]{1,11}$/, 'must be 1-11 letters or digits'),
  sweepIntervalMinutes: z.int().min(1).max(60).default(15),
  /**
   * Shards of the sweep index: a GSI partition takes about 1,000 writes a second, so a region with many open
   * tasks spreads them over this many (safe to change later; docs/data-model.md).
   */
  sweepShards: z.int().min(1).max(MAX_SWEEP_SHARDS).default(DEFAULT_SWEEP_SHARDS),
  logRetentionDays: z
    .union([
      z.literal(7),
      z.literal(14),
      z.literal(30),
      z.literal(90),
      z.literal(180),
      z.literal(365),
      z.literal(731),
    ])
    .default(90),
  removalPolicy: z.enum(['retain', 'destroy']).default('retain'),
  logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
});
/** One region's settings. */
export type RegionConfig = z.infer<typeof RegionConfig>;

export const DeployConfig = z
  .strictObject({
    stage: z.string().regex(/^[a-z][a-z0-9]{0,15}$/, 'must be a short lower-case name such as "prod"'),
    regions: z.array(RegionConfig).min(1),
  })
  .superRefine((config, ctx) => {
    const seen = new Map<string, number>();
    config.regions.forEach((region, index) => {
      for (const country of region.countries) {
        if (seen.has(country.code)) {
          ctx.addIssue({
            code: 'custom',
            path: ['regions', index, 'countries'],
            message: `${country.code} is already served by regions.${seen.get(country.code)}: a country's data lives in one region`,
          });
        }
        seen.set(country.code, index);
      }
    });
  });
/** The deployment's settings. */
export type DeployConfig = z.infer<typeof DeployConfig>;

/** A config that failed validation; the message names each field. */
export class DeployConfigError extends Error {
  constructor(source: string, issues: { path: string; message: string }[]) {
    super(
      `Invalid deploy config ${source}: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`,
    );
    this.name = 'DeployConfigError';
  }
}

/** Validates a parsed config. */
export function parseDeployConfig(input: unknown, source = '(inline)'): DeployConfig {
  const result = DeployConfig.safeParse(input);
  if (result.success) return result.data;
  throw new DeployConfigError(
    source,
    result.error.issues.map((issue) => ({ path: issue.path.join('.') || '(root)', message: issue.message })),
  );
}

/** Reads and validates a config file. */
export function loadDeployConfig(path: string): DeployConfig {
  return parseDeployConfig(JSON.parse(readFileSync(path, 'utf8')), path);
}
