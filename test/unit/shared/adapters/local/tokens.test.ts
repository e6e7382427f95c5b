import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  loadOrCreateSecret,
  mintToken,
  TokenTtlError,
  ttlSeconds,
  verifyBearer,
} from '#shared/adapters/local/tokens.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'romact-tokens-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('Local tokens: mintToken', () => {
  it('always sets exp, from the default lifetime or the one asked for', async () => {
    const secret = new TextEncoder().encode('x'.repeat(43));
    const byDefault = decodeJwt(await mintToken(secret, { role: 'cag', municipality: 'bg-a' }));
    expect(Number(byDefault.exp) - Number(byDefault.iat)).toBe(30 * 86_400);
    const short = decodeJwt(await mintToken(secret, { role: 'cag', municipality: 'bg-a' }, '12h'));
    expect(Number(short.exp) - Number(short.iat)).toBe(12 * 3_600);
  });

  it('refuses a lifetime that is empty, zero, unitless or longer than a year', async () => {
    const secret = new TextEncoder().encode('x'.repeat(43));
    for (const ttl of ['', '0s', '0d', '30', 'forever', '400d', '-1d', '1y']) {
      expect(() => ttlSeconds(ttl), ttl).toThrow(TokenTtlError);
      await expect(mintToken(secret, { role: 'coordinator', countries: 'BG' }, ttl)).rejects.toThrow(
        TokenTtlError,
      );
    }
    expect(ttlSeconds('366d')).toBe(366 * 86_400);
  });
});

describe('Local tokens: loadOrCreateSecret', () => {
  it('creates the secret readable by its owner only, in a private directory, without a warning', () => {
    const warnings: string[] = [];
    const path = join(dir, 'data', 'secret');
    const secret = loadOrCreateSecret(path, (line) => warnings.push(line));

    expect(secret.length).toBeGreaterThanOrEqual(32);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'data')).mode & 0o777).toBe(0o700);
    expect(warnings).toEqual([]);
    expect(loadOrCreateSecret(path, (line) => warnings.push(line))).toEqual(secret);
  });

  it('replaces an empty or too short secret with one warning, so tokens work again', async () => {
    for (const content of ['', '\n', 'short']) {
      const path = join(dir, 'secret');
      writeFileSync(path, content);
      const warnings: string[] = [];

      const secret = loadOrCreateSecret(path, (line) => warnings.push(line));

      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(path);
      expect(readFileSync(path, 'utf8').length).toBeGreaterThanOrEqual(32);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      const token = await mintToken(secret, { role: 'coordinator', countries: 'BG' }, '1h');
      expect(await verifyBearer(secret, `Bearer ${token}`)).toMatchObject({ role: 'coordinator' });
    }
  });

  it('never verifies anything against an empty secret', async () => {
    const empty = new Uint8Array(0);
    expect(await verifyBearer(empty, 'Bearer abc.def.ghi')).toBeUndefined();
  });
});
