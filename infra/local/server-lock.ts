import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createFileExclusive, ensurePrivateDir, warnLine } from '#shared/adapters/local/files.ts';

/**
 * One server per data dir. A second one would open the same LevelDB store, fail on its lock, and then die on
 * its first read with "Database is closed"; the lock file turns that into one clear line. The file holds the
 * owner's pid, so a lock left by a killed server (its pid no longer runs) is taken over.
 */

/** Name of the lock file in the data dir. */
export const LOCK_FILE = 'server.lock';

/** Another live server holds the data dir. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(`another ROMACT server (pid ${pid}) is already using ${dataDir}: stop it, or set ROMACT_DATA_DIR`);
    this.name = 'DataDirLockedError';
  }
}

/** A held lock. */
export interface ServerLock {
  release(): void;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function ownerOf(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Takes the data dir's lock, or throws DataDirLockedError naming the pid that holds it. */
export function acquireServerLock(dataDir: string, warn: (message: string) => void = warnLine): ServerLock {
  ensurePrivateDir(dataDir);
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (createFileExclusive(path, `${process.pid}\n`)) {
      return {
        release: () => {
          if (ownerOf(path) === process.pid) rmSync(path, { force: true });
        },
      };
    }
    const owner = ownerOf(path);
    // Our own pid in the file is stale too: a container restarted with the same pid.
    if (owner !== undefined && owner !== process.pid && isRunning(owner))
      throw new DataDirLockedError(dataDir, owner);
    warn(
      owner === undefined
        ? `${path} was unreadable; taking it over`
        : `taking over the lock of a server that is no longer running (pid ${owner})`,
    );
    rmSync(path, { force: true });
  }
  throw new DataDirLockedError(dataDir, ownerOf(path) ?? 0);
}
