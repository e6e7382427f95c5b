import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { jwtVerify, SignJWT } from 'jose';

/**
 * Offline stand-in for API Gateway's JWT authorizer: HS256 bearer tokens signed with a secret created on first
 * start in the data dir. The verified claims reach the handlers in the same place and shape as on AWS.
 */

/** Reads the signing secret, creating it (readable by this user only) on first use. */
export function loadOrCreateSecret(path: string): Uint8Array {
  if (!existsSync(path)) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, randomBytes(32).toString('base64url'), { mode: 0o600 });
    chmodSync(path, 0o600);
  }
  return new TextEncoder().encode(readFileSync(path, 'utf8').trim());
}

/** Claims a token carries; the same names the Cognito user pool puts in its tokens on AWS. */
export interface TokenClaims {
  role: 'coordinator' | 'municipality' | 'cag';
  municipality?: string;
  countries?: string;
}

const ISSUER = 'romact-local';

/** Mints a token (the `romact token` command). */
export async function mintToken(secret: Uint8Array, claims: TokenClaims, ttl = '30d'): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(ISSUER)
    .setSubject(
      claims.role === 'coordinator'
        ? `coordinator:${claims.countries}`
        : `${claims.role}:${claims.municipality}`,
    )
    .setIssuedAt()
    .setExpirationTime(ttl)
    .sign(secret);
}

/** Verifies a bearer token; returns its claims as strings (as API Gateway passes them) or undefined. */
export async function verifyBearer(
  secret: Uint8Array,
  header: string | undefined,
): Promise<Record<string, string> | undefined> {
  const token = /^Bearer\s+(.+)$/i.exec(header ?? '')?.[1];
  if (!token) return undefined;
  try {
    const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, algorithms: ['HS256'] });
    return Object.fromEntries(Object.entries(payload).map(([name, value]) => [name, String(value)]));
  } catch {
    return undefined;
  }
}
