import { jwtVerify, SignJWT } from 'jose';
import { readOrCreateSecretFile, warnLine } from './files.ts';

/**
 * Offline stand-in for API Gateway's JWT authorizer, shared by the local server (verifies) and the CLI (mints):
 * HS256 bearer tokens signed with a secret kept in the data dir. The verified claims reach the handlers in the
 * same place and shape as on AWS. Every token expires, as Cognito's do.
 */

/** Shortest secret accepted from the file (HS256 wants a 256-bit key; ours are 43 base64url characters). */
export const MIN_SECRET_LENGTH = 32;

/**
 * Reads the signing secret, creating it (0600) when the file is missing, blank or too short: a blank secret
 * would make every request 401. A replaced secret is announced with one warning line, since tokens minted
 * with the old one stop working.
 */
export function loadOrCreateSecret(path: string, warn: (message: string) => void = warnLine): Uint8Array {
  const secret = readOrCreateSecretFile(
    path,
    (message) => warn(`${message} (tokens minted before no longer work)`),
    MIN_SECRET_LENGTH,
  );
  return new TextEncoder().encode(secret);
}

/** Claims a token carries; the same names the Cognito user pool puts in its tokens on AWS. */
export interface TokenClaims {
  role: 'coordinator' | 'municipality' | 'cag';
  municipality?: string;
  countries?: string;
}

const ISSUER = 'romact-local';
const UNIT_SECONDS = { s: 1, m: 60, h: 3_600, d: 86_400 } as const;
/** Longest lifetime of a locally minted token: a year. */
export const MAX_TOKEN_TTL_SECONDS = 366 * 86_400;

/** A token lifetime that is not `<n>s|m|h|d` between a second and a year. */
export class TokenTtlError extends Error {
  constructor(ttl: string) {
    super(`Invalid token lifetime "${ttl}": use a number with s, m, h or d (e.g. 12h, 30d), at most 366d`);
    this.name = 'TokenTtlError';
  }
}

/** Parses a token lifetime such as `12h` or `30d` into seconds, or throws TokenTtlError. */
export function ttlSeconds(ttl: string): number {
  const match = /^(\d{1,9})\s*([smhd])$/.exec(ttl.trim());
  const seconds = match ? Number(match[1]) * UNIT_SECONDS[match[2] as keyof typeof UNIT_SECONDS] : Number.NaN;
  if (!(seconds >= 1 && seconds <= MAX_TOKEN_TTL_SECONDS)) throw new TokenTtlError(ttl);
  return seconds;
}

/** Mints a token (the `romact token` command); it always carries `exp`. */
export async function mintToken(secret: Uint8Array, claims: TokenClaims, ttl = '30d'): Promise<string> {
  const issuedAt = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setSubject(
      claims.role === 'coordinator'
        ? `coordinator:${claims.countries}`
        : `${claims.role}:${claims.municipality}`,
    )
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds(ttl))
    .sign(secret);
}

/**
 * The HMAC key of a secret, imported once: importing it costs more than verifying a token, and the server
 * verifies one on every request. Keyed by the secret's bytes object (one per server).
 */
const verifyKeys = new WeakMap<Uint8Array, Promise<CryptoKey>>();
function verifyKeyOf(secret: Uint8Array): Promise<CryptoKey> {
  let key = verifyKeys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', new Uint8Array(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'verify',
    ]);
    verifyKeys.set(secret, key);
  }
  return key;
}

/**
 * Verifies a bearer token; returns its claims as strings (as API Gateway passes them) or undefined.
 * A token without `exp` is refused: a leaked token must not work forever.
 */
export async function verifyBearer(
  secret: Uint8Array,
  header: string | undefined,
): Promise<Record<string, string> | undefined> {
  const token = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1];
  if (!token || secret.length === 0) return undefined;
  try {
    const { payload } = await jwtVerify(token, await verifyKeyOf(secret), {
      issuer: ISSUER,
      algorithms: ['HS256'],
      requiredClaims: ['exp'],
    });
    return Object.fromEntries(Object.entries(payload).map(([name, value]) => [name, String(value)]));
  } catch {
    return undefined;
  }
}

/** Lifetime of a locally issued access token is set by the caller (a quarter of an hour for a session). */
export function localTokenIssuer(secret: Uint8Array): {
  issue(claims: Record<string, string>, ttlSeconds: number): Promise<string>;
} {
  return {
    issue: async (claims, ttlSeconds) => {
      const issuedAt = Math.floor(Date.now() / 1000);
      return new SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(ISSUER)
        .setSubject(claims.sub ?? 'unknown')
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + ttlSeconds)
        .sign(secret);
    },
  };
}
