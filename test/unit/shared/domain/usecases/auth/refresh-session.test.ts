import { beforeEach, describe, expect, it } from 'vitest';
import { ForbiddenError, UnauthenticatedError } from '#shared/domain/errors.ts';
import type { User } from '#shared/domain/model/user.ts';
import { grantMembership } from '#shared/domain/ops/people.ts';
import { newRefreshSecret, REFRESH_GRACE_SECONDS, SESSION_DAYS } from '#shared/domain/ops/sessions.ts';
import { refreshSession } from '#shared/domain/usecases/auth/refresh-session.ts';
import { claimsOf, signInAs } from '../../../../../support/signed-in.ts';
import {
  DAY,
  givenMunicipality,
  rejection,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;
let coordinator: User;

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  coordinator = (await env.ports.users.findByAddress('email', 'coordinator@romact.example')) as User;
});

const refresh = (token: string | undefined, membershipId?: string) =>
  refreshSession(env.ports, token, membershipId);
const signIn = () => signInAs(env, 'email', 'coordinator@romact.example');

describe('refreshSession', () => {
  it('trades a refresh token for a new access token and a new refresh token', async () => {
    const first = await signIn();
    env.clock.advance(20 * 60_000);
    const next = await refresh(first.refreshToken);

    expect(next.refreshToken).not.toBe(first.refreshToken);
    expect(next.refreshToken.split('.')[0]).toBe(first.refreshToken.split('.')[0]);
    expect(claimsOf(next.accessToken)).toEqual(claimsOf(first.accessToken));
    await expect(refresh(next.refreshToken)).resolves.toBeDefined();
  });

  it('ends the whole session when a rotated token is presented again (it was copied)', async () => {
    const first = await signIn();
    const second = await refresh(first.refreshToken);
    const third = await refresh(second.refreshToken);

    // The oldest token, two rotations back, comes back: the thief and the owner are both signed out.
    expect(await rejection(refresh(first.refreshToken))).toBeInstanceOf(UnauthenticatedError);
    expect(await rejection(refresh(third.refreshToken))).toBeInstanceOf(UnauthenticatedError);
  });

  it('gives two refreshes with the same token at once the same next token (two tabs), and the session goes on', async () => {
    const { refreshToken } = await signIn();
    const [one, other] = await Promise.all([refresh(refreshToken), refresh(refreshToken)]);

    expect(one.refreshToken).toBe(other.refreshToken);
    expect(one.refreshToken).not.toBe(refreshToken);
    await expect(refresh(one.refreshToken)).resolves.toBeDefined();
  });

  it('answers the token it just replaced with the same next token within the grace period, and goes on', async () => {
    // Act: a refresh, then the same old cookie again a few seconds later (a page reloaded meanwhile)
    const first = await signIn();
    const second = await refresh(first.refreshToken);
    env.clock.advance((REFRESH_GRACE_SECONDS - 5) * 1_000);
    const again = await refresh(first.refreshToken);

    // Assess: the same successor, and the session rotates on from there
    expect(again.refreshToken).toBe(second.refreshToken);
    const third = await refresh(second.refreshToken);
    expect(third.refreshToken).not.toBe(second.refreshToken);
  });

  it('ends the session when the replaced token comes back after the grace period', async () => {
    const first = await signIn();
    const second = await refresh(first.refreshToken);
    env.clock.advance((REFRESH_GRACE_SECONDS + 1) * 1_000);

    expect(await rejection(refresh(first.refreshToken))).toBeInstanceOf(UnauthenticatedError);
    // The thief and the person alike are signed out: the current token no longer works either.
    expect(await rejection(refresh(second.refreshToken))).toBeInstanceOf(UnauthenticatedError);
  });

  it('ends the session when a token of it that it never issued comes back (a secret cannot be guessed)', async () => {
    const { refreshToken } = await signIn();
    const forged = `${refreshToken.split('.')[0]}.${newRefreshSecret()}`;

    expect(await rejection(refresh(forged))).toBeInstanceOf(UnauthenticatedError);
    expect(await rejection(refresh(refreshToken))).toBeInstanceOf(UnauthenticatedError);
  });

  it('names the municipalities of the person’s memberships', async () => {
    const staff = await signInAs(env, 'email', 'contact@plovdiv.example');
    const next = await refresh(staff.refreshToken);
    expect(next.memberships).toEqual([
      expect.objectContaining({ role: 'municipality', municipalityName: 'Plovdiv – Stolipinovo' }),
    ]);
  });

  it('refuses a session past its thirty days, a missing token and a malformed one (401)', async () => {
    const { refreshToken } = await signIn();
    for (const token of [
      undefined,
      '',
      'not-a-token',
      `${refreshToken}x`,
      refreshToken.replace(/\.\S+$/, '.'),
    ]) {
      expect(await rejection(refresh(token))).toBeInstanceOf(UnauthenticatedError);
    }
    env.clock.advance(SESSION_DAYS * DAY);
    expect(await rejection(refresh(refreshToken))).toBeInstanceOf(UnauthenticatedError);
  });

  it('refuses a person who was erased', async () => {
    const { refreshToken } = await signIn();
    await env.ports.users.update((await env.ports.users.get(coordinator.userId)) as User, {
      status: 'ERASED',
    });
    expect(await rejection(refresh(refreshToken))).toBeInstanceOf(UnauthenticatedError);
  });

  it('switches to another of the person’s memberships, and remembers it for the next sign-in', async () => {
    const staff = await grantMembership(env.ports, {
      userId: coordinator.userId,
      role: 'municipality',
      municipalityId: 'bg-stolipinovo',
      country: 'BG',
    });
    const { refreshToken } = await signIn();
    const switched = await refresh(refreshToken, staff.membershipId);

    expect(switched.activeMembershipId).toBe(staff.membershipId);
    expect(claimsOf(switched.accessToken)).toMatchObject({
      role: 'municipality',
      municipality: 'bg-stolipinovo',
    });
    expect(claimsOf(switched.accessToken).countries).toBeUndefined();
    const again = await signIn();
    expect(again.activeMembershipId).toBe(staff.membershipId);
  });

  it('refuses a membership that is not the person’s (403 naming membershipId) and keeps the token valid', async () => {
    const { refreshToken } = await signIn();
    const cag = (await env.ports.users.findByAddress('email', 'cag@example.org')) as User;
    const [theirs] = await env.ports.users.memberships(cag.userId);

    const error = await rejection(refresh(refreshToken, theirs?.membershipId));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error.fields).toEqual([{ path: 'membershipId', message: 'is not one of yours' }]);
    await expect(refresh(refreshToken)).resolves.toMatchObject({ activeMembershipId: expect.any(String) });
  });

  it('no longer chooses a removed membership, and refuses a person left with none (403)', async () => {
    const staff = await grantMembership(env.ports, {
      userId: coordinator.userId,
      role: 'municipality',
      municipalityId: 'bg-stolipinovo',
      country: 'BG',
    });
    const signedIn = await signInAs(env, 'email', 'coordinator@romact.example', staff.membershipId);
    await env.ports.users.removeMembership(staff);
    const next = await refresh(signedIn.refreshToken);
    expect(claimsOf(next.accessToken).role).toBe('coordinator');

    for (const membership of await env.ports.users.memberships(coordinator.userId))
      await env.ports.users.removeMembership(membership);
    expect(await rejection(refresh(next.refreshToken))).toBeInstanceOf(ForbiddenError);
  });
});
