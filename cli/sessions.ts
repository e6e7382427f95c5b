import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Where `romact login` keeps sessions: one per API URL, in the user's config folder, readable by them only. A
 * session holds a short-lived access token and the refresh token that renews it.
 */
export interface StoredSession {
  accessToken: string;
  refreshToken: string;
  /** When the access token expires (epoch ms). */
  expiresAt: number;
  displayName: string;
  activeMembershipId: string;
}

/** The sessions file: $ROMACT_CONFIG_DIR, else $XDG_CONFIG_HOME/romact, else ~/.config/romact. */
export function sessionsFile(): string {
  const base =
    process.env.ROMACT_CONFIG_DIR ??
    join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'romact');
  return join(base, 'sessions.json');
}

function readAll(): Record<string, StoredSession> {
  const path = sessionsFile();
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, StoredSession>;
  } catch {
    // A damaged file is as good as none: the person signs in again.
    return {};
  }
}

function writeAll(sessions: Record<string, StoredSession>) {
  const path = sessionsFile();
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(sessions, null, 2), { mode: 0o600 });
  renameSync(temporary, path);
  chmodSync(path, 0o600);
}

/** The session for an API URL, if any. */
export function loadSession(apiUrl: string): StoredSession | undefined {
  return readAll()[apiUrl];
}

/** Keeps (or replaces) the session for an API URL. */
export function saveSession(apiUrl: string, session: StoredSession): void {
  writeAll({ ...readAll(), [apiUrl]: session });
}

/** Forgets the session for an API URL. */
export function forgetSession(apiUrl: string): void {
  const { [apiUrl]: _gone, ...rest } = readAll();
  writeAll(rest);
}
