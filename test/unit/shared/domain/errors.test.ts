import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  ConflictError,
  ForbiddenError,
  fieldIssues,
  InvalidInputError,
  MalformedItemError,
  NotFoundError,
  prototypeKeyIssues,
  RateLimitedError,
  RuleViolationError,
  UnauthenticatedError,
} from '#shared/domain/errors.ts';

const Body = z.strictObject({
  name: z.string().min(1),
  contact: z.strictObject({ email: z.email(), phones: z.array(z.string().regex(/^\+\d+$/)) }),
});
const issuesOf = (input: unknown, prefix?: string) =>
  fieldIssues(Body.safeParse(input).error?.issues ?? [], prefix);

describe('fieldIssues', () => {
  it('names each bad field at its dotted path', () => {
    expect(
      issuesOf({ name: '', contact: { email: 'x', phones: ['+1', '2'] } }).map((issue) => issue.path),
    ).toEqual(['name', 'contact.email', 'contact.phones.1']);
  });

  it('reports an unknown key at that key, and a missing field as required with what it expects', () => {
    expect(
      issuesOf({ name: 'a', contact: { email: 'a@b.org', phones: [], fax: '1' }, colour: 'red' }),
    ).toEqual([
      { path: 'contact.fax', message: 'is not a known field' },
      { path: 'colour', message: 'is not a known field' },
    ]);
    expect(issuesOf({ name: 'a' })).toEqual([{ path: 'contact', message: 'is required (object)' }]);
  });

  it('puts the paths under a prefix, and names the body itself when it is not an object', () => {
    expect(
      issuesOf({ name: '', contact: { email: 'a@b.org', phones: [] } }, 'output').map((issue) => issue.path),
    ).toEqual(['output.name']);
    expect(issuesOf('text')).toEqual([{ path: '(body)', message: expect.any(String) }]);
  });
});

describe('prototypeKeyIssues', () => {
  it('finds keys that would reach the prototype, at any depth', () => {
    const parsed = JSON.parse(
      '{"a":{"__proto__":{"x":1}},"constructor":1,"list":[{"prototype":2}],"ok":{"b":1}}',
    );
    expect(prototypeKeyIssues(parsed).map((issue) => issue.path)).toEqual([
      'a.__proto__',
      'constructor',
      'list.0.prototype',
    ]);
    expect(prototypeKeyIssues({ name: 'x', nested: [1, { y: null }] })).toEqual([]);
    expect(prototypeKeyIssues(null)).toEqual([]);
  });
});

describe('domain errors', () => {
  it('carry a code for clients and the fields at fault', () => {
    const cases = [
      [new InvalidInputError('m', [{ path: 'a', message: 'b' }]), 'INVALID_INPUT'],
      [new UnauthenticatedError('m'), 'UNAUTHENTICATED'],
      [new ForbiddenError('m'), 'FORBIDDEN'],
      [new NotFoundError('m'), 'NOT_FOUND'],
      [new ConflictError('m'), 'CONFLICT'],
      [new RuleViolationError('m'), 'RULE_VIOLATION'],
      [new RateLimitedError('m', 30), 'RATE_LIMITED'],
    ] as const;
    for (const [error, code] of cases) {
      expect(error.code).toBe(code);
      expect(error.name).toBe(error.constructor.name);
    }
    expect(cases[0][0].fields).toEqual([{ path: 'a', message: 'b' }]);
    expect(new RateLimitedError('m', 30).retryAfterSeconds).toBe(30);
  });

  it('say which stored item is malformed and why', () => {
    expect(new MalformedItemError('TASK#1', [{ path: 'dueAt', message: 'Invalid' }]).message).toBe(
      'Malformed item TASK#1: dueAt: Invalid',
    );
  });
});
