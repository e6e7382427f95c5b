import { beforeEach, describe, expect, it } from 'vitest';
import { UnauthenticatedError } from '#shared/domain/errors.ts';
import { refreshSession } from '#shared/domain/usecases/auth/refresh-session.ts';
import { signOut } from '#shared/domain/usecases/auth/sign-out.ts';
import { signInAs } from '../../../../../support/signed-in.ts';
import { givenMunicipality, rejection, type UnitEnv, unitPorts } from '../../../../../support/unit-ports.ts';

let env: UnitEnv;

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
});

const signIn = () => signInAs(env, 'email', 'contact@plovdiv.example');
const refresh = (token: string) => refreshSession(env.ports, token);

describe('signOut', () => {
  it('ends the session: its refresh token no longer works', async () => {
    const { refreshToken } = await signIn();
    await signOut(env.ports, refreshToken);
    expect(await rejection(refresh(refreshToken))).toBeInstanceOf(UnauthenticatedError);
  });

  it('also ends it with the token just rotated away (a sign-out racing a refresh)', async () => {
    const first = await signIn();
    const second = await refresh(first.refreshToken);
    await signOut(env.ports, first.refreshToken);
    expect(await rejection(refresh(second.refreshToken))).toBeInstanceOf(UnauthenticatedError);
  });

  it('ends only that session: another device stays signed in', async () => {
    const laptop = await signIn();
    const phone = await signIn();
    await signOut(env.ports, laptop.refreshToken);
    await expect(refresh(phone.refreshToken)).resolves.toBeDefined();
  });

  it('ignores a token with the session’s id but not its secret (nobody signs another out)', async () => {
    const { refreshToken } = await signIn();
    const forged = `${refreshToken.split('.')[0]}.${'A'.repeat(43)}`;
    await signOut(env.ports, forged);
    await expect(refresh(refreshToken)).resolves.toBeDefined();
  });

  it('succeeds quietly without a token, with a malformed one, and a second time', async () => {
    const { refreshToken } = await signIn();
    await expect(signOut(env.ports, undefined)).resolves.toBeUndefined();
    await expect(signOut(env.ports, 'garbage')).resolves.toBeUndefined();
    await signOut(env.ports, refreshToken);
    env.writes.length = 0;
    await expect(signOut(env.ports, refreshToken)).resolves.toBeUndefined();
    expect(env.writes).toEqual([]);
  });
});
