import { describe, expect, it } from 'vitest';
import { parseLimit, parsePairs } from '#cli/args.ts';
import { CliError } from '#cli/errors.ts';

const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error as CliError;
  }
  throw new Error('expected a failure');
};

describe('parsePairs (--date, --due)', () => {
  it('reads name=value pairs; a value may contain =', () => {
    expect(parsePairs('--date', ['fundingCallClosesAt=2027-09-30', 'x=a=b'], 'e')).toEqual({
      fundingCallClosesAt: '2027-09-30',
      x: 'a=b',
    });
  });

  it.each(['fundingCallClosesAt', 'fundingCallClosesAt=', '=2027-09-30', ' =x', '1x=y'])(
    'refuses %j with exit 2, naming the option and the value',
    (value) => {
      const error = failure(() => parsePairs('--date', [value], 'fundingCallClosesAt=2027-09-30'));
      expect(error).toBeInstanceOf(CliError);
      expect(error.exitCode).toBe(2);
      expect(error.message).toContain('--date');
      expect(error.message).toContain(JSON.stringify(value));
      expect(error.fields).toEqual([{ path: '--date', message: expect.stringContaining('name=value') }]);
    },
  );

  it('refuses a name given twice', () => {
    expect(failure(() => parsePairs('--due', ['a=P1D', 'a=P2D'], 'e')).message).toBe(
      '--due a is given twice',
    );
  });

  it('refuses a name that does not start with a letter, such as __proto__', () => {
    expect(failure(() => parsePairs('--due', ['__proto__=P1D'], 'e')).exitCode).toBe(2);
  });
});

describe('parseLimit', () => {
  it('reads a whole number of at least 1', () => {
    expect(parseLimit('1')).toBe(1);
    expect(parseLimit('250')).toBe(250);
  });

  it.each(['0', '-1', '1.5', 'ten', '', '1e3', '99999999999999999999'])('refuses %j with exit 2', (value) => {
    expect(failure(() => parseLimit(value)).exitCode).toBe(2);
  });
});
