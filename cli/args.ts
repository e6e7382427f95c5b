import { invalidInput } from './errors.ts';

/** Parsing of option values the CLI checks itself, before anything is sent. */

const PAIR = /^([A-Za-z][A-Za-z0-9_-]*)=(.+)$/;

/**
 * `name=value` pairs of a repeatable option (`--date fundingCallClosesAt=2027-09-30`) as an object. A value
 * without `=`, with an empty side, or a name given twice is refused, naming the option and the value.
 */
export function parsePairs(
  option: string,
  values: readonly string[],
  example: string,
): Record<string, string> {
  const pairs: Record<string, string> = Object.create(null);
  for (const value of values) {
    const match = PAIR.exec(value);
    if (!match?.[1] || match[2] === undefined)
      throw invalidInput(
        `${option} ${JSON.stringify(value)}: expected name=value, e.g. ${option} ${example}`,
        [{ path: option, message: `expected name=value, got ${JSON.stringify(value)}` }],
      );
    const [, name, given] = match;
    if (Object.hasOwn(pairs, name))
      throw invalidInput(`${option} ${name} is given twice`, [
        { path: option, message: `${name} is given twice` },
      ]);
    pairs[name] = given;
  }
  return { ...pairs };
}

/** The value of `--limit`: a whole number of at least 1. */
export function parseLimit(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value)))
    throw invalidInput(`--limit ${JSON.stringify(value)}: expected a whole number of at least 1`, [
      { path: '--limit', message: 'expected a whole number of at least 1' },
    ]);
  return Number(value);
}
