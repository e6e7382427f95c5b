import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError, UnauthenticatedError } from '#shared/domain/errors.ts';
import {
  newRefreshSecret,
  newRotationKey,
  REFRESH_GRACE_SECONDS,
  refreshHash,
} from '#shared/domain/ops/sessions.ts';
import { refreshSession } from '#shared/domain/usecases/auth/refresh-session.ts';
import {
  givenMunicipality,
  racing,
  rejection,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

/**
 * Refresh tokens rotate at every use. The one just replaced still gets the same answer for a few seconds (a page
 * reloaded while its refresh was under way); later, or any older one, means a copy is in use: the session ends.
 */

let env: UnitEnv;
let first: string;
let sessionId: string;

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  const user = await env.ports.users.findByAddress('email', 'contact@plovdiv.example');
  if (!user) throw new Error('the fixture has no staff member');
  sessionId = `ses-${randomUUID()}`;
  const secret = newRefreshSecret();
  const now = env.clock.now();
  await env.ports.signIn.createSession({
    sessionId,
    userId: user.userId,
    refreshHash: refreshHash(secret),
    rotationKey: newRotationKey(),
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
    version: 1,
  });
  first = `${sessionId}.${secret}`;
});

const refresh = (token: string) => refreshSession(env.ports, token);
const seconds = (count: number) => env.clock.advance(count * 1_000);
const revoked = async () => Boolean((await env.ports.signIn.getSession(sessionId))?.revokedAt);

describe('refreshSession', () => {
  it('rotates the token and names the memberships’ municipalities', async () => {
    const next = await refresh(first);
    expect(next.refreshToken).not.toBe(first);
    expect(next.refreshToken.startsWith(`${sessionId}.`)).toBe(true);
    expect(next.memberships).toEqual([
      expect.objectContaining({ role: 'municipality', municipalityName: 'Plovdiv – Stolipinovo' }),
    ]);
    expect((await refresh(next.refreshToken)).refreshToken).not.toBe(next.refreshToken);
  });

  it('answers the token it just replaced with the same next token within the grace period, and goes on', async () => {
    // Act: a refresh, then the same old cookie again a few seconds later (the page reloaded meanwhile)
    const second = await refresh(first);
    seconds(REFRESH_GRACE_SECONDS - 5);
    const again = await refresh(first);

    // Assess: the same successor, the session alive, and it rotates on from there
    expect(again.refreshToken).toBe(second.refreshToken);
    expect(await revoked()).toBe(false);
    const third = await refresh(second.refreshToken);
    expect(third.refreshToken).not.toBe(second.refreshToken);
  });

  it('ends the session when the replaced token comes back after the grace period', async () => {
    const second = await refresh(first);
    seconds(REFRESH_GRACE_SECONDS + 1);

    expect(await rejection(refresh(first))).toBeInstanceOf(UnauthenticatedError);
    expect(await revoked()).toBe(true);
    // The thief and the person alike are signed out: the current token no longer works either.
    expect(await rejection(refresh(second.refreshToken))).toBeInstanceOf(UnauthenticatedError);
  });

  it('ends the session when an older token comes back, even within seconds', async () => {
    const second = await refresh(first);
    const third = await refresh(second.refreshToken);

    expect(await rejection(refresh(first))).toBeInstanceOf(UnauthenticatedError);
    expect(await revoked()).toBe(true);
    expect(await rejection(refresh(third.refreshToken))).toBeInstanceOf(UnauthenticatedError);
  });

  it('gives two refreshes racing with one token the same next token', async () => {
    // Prepare: another refresh with the same token gets in between this one's read and its write
    let other: Awaited<ReturnType<typeof refresh>> | undefined;
    const ports = {
      ...env.ports,
      signIn: racing(env.ports.signIn, 'updateSession', async () => {
        other = await refresh(first);
      }),
    };

    const mine = await refreshSession(ports, first);

    expect(mine.refreshToken).toBe(other?.refreshToken);
    expect(await revoked()).toBe(false);
  });

  it('ends the session when a token of it that it never issued comes back (a secret cannot be guessed)', async () => {
    const forged = `${sessionId}.${newRefreshSecret()}`;
    expect(await rejection(refresh(forged))).toBeInstanceOf(UnauthenticatedError);
    expect(await revoked()).toBe(true);
    expect(await rejection(refresh(first))).toBeInstanceOf(UnauthenticatedError);
  });

  it('leaves the token as it was when the membership asked for is not the person’s', async () => {
    expect(await rejection(refreshSession(env.ports, first, 'mem-not-theirs'))).toBeInstanceOf(
      ForbiddenError,
    );
    expect((await refresh(first)).refreshToken).not.toBe(first);
    expect(await revoked()).toBe(false);
  });
});
