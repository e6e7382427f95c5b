import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { decodeJwt } from 'jose';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { preTokenGenerationHandler } from '#functions/triggers/pre-token-generation.ts';
import type { Channel } from '#shared/domain/model/user.ts';
import { findOrCreatePerson, grantMembership } from '#shared/domain/ops/people.ts';
import { type Claims, call, coordinatorBG } from '../../../support/api.ts';
import { municipalityFixture, testRuntime } from '../../../support/runtime.ts';

/**
 * The claims of a person's token are the same on both sides: the local sign-in (a code from the outbox, on
 * dynalite) and Cognito's pre-token-generation trigger on the same table. Cognito sets `sub` itself (the
 * person's user id, which is their Cognito sub); the trigger adds the rest.
 */

const municipalityId = 'bg-stolipinovo';
/** Claims of a JWT that are about the token, not the caller: each side has its own. */
const REGISTERED = ['iss', 'iat', 'exp', 'nbf', 'jti', 'aud', 'sid'];

let env: Awaited<ReturnType<typeof testRuntime>>;

beforeEach(async () => {
  env = await testRuntime();
  const { municipalityId: _id, updatedAt: _at, version: _version, ...body } = municipalityFixture();
  await call('PUT', `/municipalities/${municipalityId}`, { claims: coordinatorBG, body });
});
afterEach(async () => {
  await env.runtime.close();
});

/** Signs in on the local server as Cognito's users do on AWS: a code to the address, then the code back. */
async function localSignIn(channel: Pick<Channel, 'type' | 'address'>, membershipId?: string) {
  const start = await call('POST', '/auth/start', {
    body: { channel: channel.type, address: channel.address },
  });
  expect(start.status).toBe(202);
  const message = env.runtime.outbox
    .list()
    .filter((one) => one.recipient.address === channel.address)
    .at(-1);
  const code = /\b(\d{6})\b/.exec(message?.text ?? '')?.[1];
  expect(code).toBeDefined();
  const verified = await call('POST', '/auth/verify', {
    body: {
      channel: channel.type,
      address: channel.address,
      code,
      ...(membershipId ? { membershipId } : {}),
    },
  });
  expect(verified.status).toBe(200);
  const payload = decodeJwt(verified.body.accessToken as string);
  return Object.fromEntries(
    Object.entries(payload)
      .filter(([name]) => !REGISTERED.includes(name))
      .map(([name, value]) => [name, String(value)]),
  );
}

/** The claims of the access token Cognito would issue: its own `sub`, and what the trigger adds. */
async function cognitoClaims(sub: string, clientMetadata?: Record<string, string>): Promise<Claims> {
  const handler = preTokenGenerationHandler(() => ({ users: env.ports.users }));
  const event = {
    version: '2',
    region: 'eu-central-1',
    userPoolId: 'eu-central-1_pool',
    triggerSource: clientMetadata ? 'TokenGeneration_RefreshTokens' : 'TokenGeneration_Authentication',
    userName: sub,
    callerContext: { awsSdkVersion: 'aws-sdk-js-3', clientId: 'web-client' },
    request: {
      userAttributes: { sub },
      groupConfiguration: {},
      ...(clientMetadata ? { clientMetadata } : {}),
    },
    response: { claimsAndScopeOverrideDetails: {} },
  } as unknown as PreTokenGenerationV2TriggerEvent;
  const result = await handler(event, { awsRequestId: 'req' } as never);
  return {
    sub,
    ...result.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride,
  };
}

async function givenPerson(displayName: string, channel: Pick<Channel, 'type' | 'address'>) {
  return (
    await findOrCreatePerson(env.ports, { displayName, locale: 'bg', timeZone: 'Europe/Sofia', channel })
  ).user;
}

describe('Token claims: Cognito’s trigger and the local sign-in', () => {
  it('are the same names with the same values for a coordinator, municipal staff and a CAG member signing in by SMS', async () => {
    const coordinator = await givenPerson('Maria Ivanova', { type: 'email', address: 'maria@example.org' });
    await grantMembership(env.ports, {
      userId: coordinator.userId,
      role: 'coordinator',
      countries: ['RO', 'BG'],
    });
    const staff = await givenPerson('Georgi Dimitrov', { type: 'email', address: 'georgi@plovdiv.example' });
    await grantMembership(env.ports, {
      userId: staff.userId,
      role: 'municipality',
      municipalityId,
      country: 'BG',
    });
    const cag = await givenPerson('Ruska Asenova', { type: 'sms', address: '+359888123456' });
    await grantMembership(env.ports, { userId: cag.userId, role: 'cag', municipalityId, country: 'BG' });

    for (const [person, channel] of [
      [coordinator, { type: 'email', address: 'maria@example.org' }],
      [staff, { type: 'email', address: 'georgi@plovdiv.example' }],
      [cag, { type: 'sms', address: '+359888123456' }],
    ] as const) {
      const local = await localSignIn(channel);
      const cognito = await cognitoClaims(person.userId);

      expect(cognito).toEqual(local);
      expect(Object.keys(cognito).sort()).toEqual(
        ['sub', 'name', 'role', 'membership', person === coordinator ? 'countries' : 'municipality'].sort(),
      );
    }
  });

  it('are the same after switching to another membership (ClientMetadata on AWS, membershipId locally)', async () => {
    const person = await givenPerson('Elena Petrova', { type: 'email', address: 'elena@example.org' });
    const coordinator = await grantMembership(env.ports, {
      userId: person.userId,
      role: 'coordinator',
      countries: ['BG'],
    });
    const cag = await grantMembership(env.ports, {
      userId: person.userId,
      role: 'cag',
      municipalityId,
      country: 'BG',
    });
    const channel = { type: 'email', address: 'elena@example.org' } as const;

    const asCag = await localSignIn(channel, cag.membershipId);
    expect(await cognitoClaims(person.userId, { membershipId: cag.membershipId })).toEqual(asCag);
    expect(asCag.role).toBe('cag');
    // The local sign-in remembers the choice; Cognito's next plain sign-in reads it from the table.
    expect(await cognitoClaims(person.userId)).toEqual(await localSignIn(channel));
    const asCoordinator = await localSignIn(channel, coordinator.membershipId);
    expect(await cognitoClaims(person.userId, { membershipId: coordinator.membershipId })).toEqual(
      asCoordinator,
    );
  });

  it('let the API serve the person the trigger names, and answer 401 for someone with no membership', async () => {
    const person = await givenPerson('Maria Ivanova', { type: 'email', address: 'maria@example.org' });
    const membership = await grantMembership(env.ports, {
      userId: person.userId,
      role: 'municipality',
      municipalityId,
      country: 'BG',
    });

    const me = await call('GET', '/me', { claims: await cognitoClaims(person.userId) });
    expect(me.status).toBe(200);
    expect(me.body.user.userId).toBe(person.userId);
    expect(me.body.activeMembershipId).toBe(membership.membershipId);

    await env.ports.users.removeMembership(membership);
    const claims = await cognitoClaims(person.userId);
    expect(claims).toEqual({ sub: person.userId });
    expect((await call('GET', '/me', { claims })).status).toBe(401);
  });
});
