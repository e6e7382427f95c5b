import { readFileSync } from 'node:fs';
import * as z from 'zod';
import { DEFAULT_SWEEP_SHARDS, MAX_SWEEP_SHARDS } from '#shared/adapters/dynamodb/tasks.ts';
import { LocaleCode } from '#shared/domain/model/roles.ts';
import { EmailAddress, PhoneNumber } from '#shared/domain/model/user.ts';

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

const AwsRegion = z
  .string()
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'must be an AWS region such as "eu-central-1"');

/**
 * How people sign in on AWS (Cognito, passwordless): email codes come from an address Amazon SES has verified
 * (Cognito's own mailer cannot send sign-in codes), SMS codes through SNS. Passkeys are offered only when the
 * web app's domain is known, since a passkey is bound to it.
 */
const SignInConfig = z.strictObject({
  /** The sender of sign-in codes: an address whose domain (or the address itself) is verified in SES. */
  emailFrom: EmailAddress,
  emailFromName: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[^<>"@]+$/, 'must be a plain display name such as "ROMACT"')
    .default('ROMACT'),
  /** What SES verified: the sender's domain (usual) or just the address. */
  sesIdentity: z.enum(['domain', 'address']).default('domain'),
  /** The SES region, when it is not the stack's (SES is not offered in every region). */
  sesRegion: AwsRegion.optional(),
  /**
   * The web app's domain (e.g. "romact.example.org"): set it to let people register passkeys (staff and
   * coordinators on their own devices). Without it, sign-in is by email and SMS codes only.
   */
  passkeyRelyingPartyId: z
    .string()
    .max(63)
    .regex(
      /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
      'must be the web app’s domain name in lower case, such as "romact.example.org"',
    )
    .optional(),
});

/**
 * SMS for this region's account (sign-in codes and notifications): a monthly spend cap and who the messages
 * come from. These are account-wide SNS settings in the region, so one stack per account and region sets them.
 */
const SmsConfig = z.strictObject({
  /** USD a month; SNS stops sending SMS when the next message would cross it. */
  monthlySpendLimitUsd: z.int().min(1).max(100_000),
  /** Shown as the sender where the country supports sender ids: 1-11 letters or digits, at least one letter. */
  senderId: z
    .string()
    .regex(/^(?=.*[A-Za-z])[A-Za-z0-9]{1,11}$/, 'must be 1-11 letters or digits, at least one a letter'),
  /** A number bought in AWS End User Messaging SMS to send from, where sender ids are not supported. */
  originationNumber: PhoneNumber.optional(),
});

export const RegionConfig = z.strictObject({
  region: AwsRegion,
  /** Optional: without it the stack is environment-agnostic. */
  account: z
    .string()
    .regex(/^\d{12}$/, 'must be a 12-digit AWS account id')
    .optional(),
  countries: z.array(Country).min(1),
  alarmEmail: z.email(),
  signIn: SignInConfig,
  sms: SmsConfig,
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
