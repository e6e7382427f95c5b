import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

/**
 * The local runtime's small files (secret, clock, outbox index, webhook queue), written so that a crash or a
 * SIGKILL at any instant leaves either the old or the new content, never a half-written file, and read so that
 * what a crash can still leave behind (a torn last line of an append-only log) never blocks a start.
 * Everything is readable by its owner only: the data dir holds personal data and the token secret.
 */

/** Permissions of every file the local runtime writes. */
export const PRIVATE_FILE_MODE = 0o600;
/** Permissions of every directory the local runtime creates. */
export const PRIVATE_DIR_MODE = 0o700;

/** Creates a directory (and its parents) readable by its owner only; tightens it if it exists already. */
export function ensurePrivateDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  try {
    chmodSync(path, PRIVATE_DIR_MODE);
  } catch {
    // Not ours to change (a shared parent the user pointed at): the files inside are still 0600.
  }
}

/**
 * Replaces a file's content atomically: a temp file beside it, fsynced, renamed over the target, and the
 * directory fsynced so the rename itself survives a power cut. Readers see the old or the new content.
 */
export function writeFileAtomic(path: string, content: string): void {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, 'w', PRIVATE_FILE_MODE);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncDir(dirname(path));
}

/**
 * Creates a file with this content unless it exists (written aside, then hard-linked into place, so it
 * appears complete or not at all). Returns whether this call created it.
 */
export function createFileExclusive(path: string, content: string): boolean {
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = openSync(temp, 'wx', PRIVATE_FILE_MODE);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    linkSync(temp, path);
    syncDir(dirname(path));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

/** Appends one line to an append-only log (created 0600). A crash can tear only this line. */
export function appendLine(path: string, line: string): void {
  const fd = openSync(path, 'a', PRIVATE_FILE_MODE);
  try {
    writeSync(fd, `${line}\n`);
  } finally {
    closeSync(fd);
  }
}

function syncDir(path: string) {
  try {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic there.
  }
}

/** What a tolerant read of a JSON-lines file found. */
export interface JsonLines<T> {
  items: T[];
  /** Lines that could not be read (a torn last line after a crash, or a damaged one), skipped. */
  skipped: number;
}

/**
 * Reads a JSON-lines file, skipping lines that do not parse or do not pass `accept`. When something was
 * skipped, the file is rewritten atomically without it, so the next append starts on a clean line instead of
 * gluing itself to a torn one. A missing file reads as empty.
 */
export function readJsonLines<T>(path: string, accept: (value: unknown) => value is T): JsonLines<T> {
  if (!existsSync(path)) return { items: [], skipped: 0 };
  const items: T[] = [];
  const kept: string[] = [];
  let skipped = 0;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      skipped++;
      continue;
    }
    if (!accept(value)) {
      skipped++;
      continue;
    }
    items.push(value);
    kept.push(line);
  }
  if (skipped) writeFileAtomic(path, kept.map((line) => `${line}\n`).join(''));
  return { items, skipped };
}

/** Replaces a JSON-lines file atomically with these values, one a line. */
export function writeJsonLines(path: string, values: readonly unknown[]): void {
  writeFileAtomic(path, values.map((value) => `${JSON.stringify(value)}\n`).join(''));
}

/** Reads a small text file, or undefined when it is missing or blank (both mean: create it again). */
export function readTextIfPresent(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8').trim();
  return text ? text : undefined;
}

/**
 * Reads a generated secret, creating it (0600) when missing; a blank or too short one is replaced with one
 * warning, since a blank key would make every check fail. Returns the text on disk.
 */
export function readOrCreateSecretFile(
  path: string,
  warn: (message: string) => void = warnLine,
  minLength = 32,
): string {
  const existing = readTextIfPresent(path);
  if (existing && existing.length >= minLength) return existing;
  ensurePrivateDir(dirname(path));
  const fresh = randomBytes(32).toString('base64url');
  if (existsSync(path)) {
    writeFileAtomic(path, fresh);
    warn(`${path} held no usable secret; wrote a new one`);
  } else {
    // Exclusive: when two processes create it at the same moment, both end up with the one that won.
    createFileExclusive(path, fresh);
  }
  return readTextIfPresent(path) ?? fresh;
}

/** Prints one warning line on stderr: what the runtime repaired on its own. */
export function warnLine(message: string): void {
  process.stderr.write(`romact: warning: ${message}\n`);
}
