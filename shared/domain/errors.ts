/** Errors the domain raises; the HTTP edge maps each to its status code. None is raised after a write. */

/** One invalid field of a request. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** Base class: a code for clients, a message for people, optionally the offending fields. */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  constructor(
    message: string,
    readonly fields: FieldIssue[] = [],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The request is malformed: wrong types, missing fields (400). */
export class InvalidInputError extends DomainError {
  readonly code = 'INVALID_INPUT';
}

/** No credentials, or bad ones (401). */
export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
}

/** The caller may see the resource but not do this to it (403). */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
}

/** Unknown id, or one the caller may not know exists (404). */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
}

/** The resource is not in a state that allows this: a task no longer open, a cycle not running (409). */
export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
}

/** A valid request that breaks a rule of the template (422). */
export class RuleViolationError extends DomainError {
  readonly code = 'RULE_VIOLATION';
}

/** A stored item that does not match its schema: a bug or a manual edit, never silently defaulted. */
export class MalformedItemError extends Error {
  constructor(
    readonly key: string,
    readonly issues: FieldIssue[],
  ) {
    super(`Malformed item ${key}: ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`);
    this.name = 'MalformedItemError';
  }
}

/** A conditional write lost: somebody else changed the item first. */
export class ConcurrentUpdateError extends Error {
  constructor(readonly key: string) {
    super(`Concurrent update of ${key}`);
    this.name = 'ConcurrentUpdateError';
  }
}

/** A zod issue, as much of it as the field mapping reads. */
interface SchemaIssue {
  code?: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
  input?: unknown;
  expected?: string;
}

/**
 * Turns zod issues into field issues with dotted paths, each at its own field: an unknown key is reported at
 * that key, and a missing field says it is required and what it expects.
 */
export function fieldIssues(issues: readonly SchemaIssue[], prefix = ''): FieldIssue[] {
  const pathOf = (path: PropertyKey[]) => [prefix, ...path.map(String)].filter(Boolean).join('.') || '(body)';
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
      return issue.keys.map((key) => ({
        path: pathOf([...issue.path, key]),
        message: 'is not a known field',
      }));
    }
    if (
      issue.code === 'invalid_type' &&
      (issue.message.endsWith('received undefined') || issue.input === undefined)
    ) {
      return [
        { path: pathOf(issue.path), message: `is required${issue.expected ? ` (${issue.expected})` : ''}` },
      ];
    }
    return [{ path: pathOf(issue.path), message: issue.message }];
  });
}

/** Keys that JSON may carry but objects must not take: they would reach the prototype, or be skipped. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The paths of keys in parsed JSON that schema validation cannot see (a record drops `__proto__` silently), so
 * the edge refuses them as unknown fields instead of accepting a body it did not check.
 */
export function prototypeKeyIssues(value: unknown, path: string[] = []): FieldIssue[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, child]) =>
    PROTOTYPE_KEYS.has(key)
      ? [{ path: [...path, key].join('.'), message: 'is not a known field' }]
      : prototypeKeyIssues(child, [...path, key]),
  );
}

/** Too many attempts: try again after a while (429, with Retry-After). */
export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
