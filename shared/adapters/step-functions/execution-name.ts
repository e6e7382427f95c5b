import { createHash } from 'node:crypto';

/** Step Functions execution names are 1-80 characters of [A-Za-z0-9-_] (StartExecution API reference). */
export const MAX_EXECUTION_NAME_LENGTH = 80;

/** A valid execution name for a key, the same for the same key: unusual characters become "-", long keys a hash. */
export function executionNameFor(key: string): string {
  const clean = key.replace(/[^A-Za-z0-9_-]/g, '-');
  if (clean.length > 0 && clean.length <= MAX_EXECUTION_NAME_LENGTH) return clean;
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 12);
  return `${clean.slice(0, MAX_EXECUTION_NAME_LENGTH - 13)}-${hash}`;
}
