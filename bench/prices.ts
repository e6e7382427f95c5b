/**
 * AWS list prices used to turn per-cycle counts into money. On-demand list prices as published on the AWS
 * pricing pages (aws.amazon.com/step-functions/pricing, /lambda/pricing, /dynamodb/pricing/on-demand,
 * /sns/pricing and /sns/sms-pricing), read for the example config's regions; checked 2026-11-24. Prices
 * change: check before budgeting. SMS prices are per message to the country's mobile networks.
 */
export interface RegionPrices {
  region: string;
  /** Step Functions Standard, per state transition. */
  stateTransition: number;
  /** Lambda, per request. */
  lambdaRequest: number;
  /** Lambda arm64, per GB-second. */
  lambdaGbSecond: number;
  /** DynamoDB on-demand, per read request unit. */
  readRequestUnit: number;
  /** DynamoDB on-demand, per write request unit. */
  writeRequestUnit: number;
  /** SNS email notification, per message. */
  email: number;
  /** SMS per message, by country served. */
  smsByCountry: Record<string, number>;
}

export const STEP_FUNCTIONS_PER_TRANSITION = 0.025 / 1_000;
export const LAMBDA_PER_REQUEST = 0.2 / 1_000_000;
export const SNS_EMAIL_PER_MESSAGE = 2 / 100_000;

export const regionPrices: Record<string, RegionPrices> = {
  'eu-central-1': {
    region: 'eu-central-1',
    stateTransition: STEP_FUNCTIONS_PER_TRANSITION,
    lambdaRequest: LAMBDA_PER_REQUEST,
    lambdaGbSecond: 0.0000133334,
    readRequestUnit: 0.1525 / 1_000_000,
    writeRequestUnit: 0.7625 / 1_000_000,
    email: SNS_EMAIL_PER_MESSAGE,
    smsByCountry: { BG: 0.0711, RO: 0.0646, HU: 0.0854, SK: 0.0756 },
  },
  'eu-south-1': {
    region: 'eu-south-1',
    stateTransition: 0.0275 / 1_000,
    lambdaRequest: LAMBDA_PER_REQUEST,
    lambdaGbSecond: 0.0000156138,
    readRequestUnit: 0.1525 / 1_000_000,
    writeRequestUnit: 0.7625 / 1_000_000,
    email: SNS_EMAIL_PER_MESSAGE,
    smsByCountry: { IT: 0.0774 },
  },
};

/** Memory of every function in the stack (RomactFunction's default), for GB-seconds. */
export const LAMBDA_MEMORY_GB = 0.5;
/** Lambda bills at least 1 ms per invocation; our local handler times stand in for billed duration. */
export const LAMBDA_MIN_BILLED_MS = 1;
