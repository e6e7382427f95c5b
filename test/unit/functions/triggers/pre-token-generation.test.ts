import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { preTokenGenerationHandler } from '#functions/triggers/pre-token-generation.ts';
import { findOrCreatePerson, grantMembership } from '#shared/domain/ops/people.ts';
import type { Ports } from '#shared/domain/ports.ts';
import { unitPorts } from '../../../support/unit-ports.ts';

/** A V2 pre-token-generation event as Cognito sends it after a sign-in. */
function tokenEvent(sub: string | undefined, clientMetadata?: Record<string, string>) {
  return {
    version: '2',
    region: 'eu-central-1',
    userPoolId: 'eu-central-1_pool',
    triggerSource: 'TokenGeneration_Authentication',
    userName: sub ?? 'someone',
    callerContext: { awsSdkVersion: 'aws-sdk-js-3', clientId: 'web-client' },
    request: {
      userAttributes: sub ? { sub, email_verified: 'true' } : {},
      groupConfiguration: { groupsToOverride: [], iamRolesToOverride: [] },
      scopes: ['aws.cognito.signin.user.admin'],
      ...(clientMetadata ? { clientMetadata } : {}),
    },
    response: { claimsAndScopeOverrideDetails: {} },
  } as unknown as PreTokenGenerationV2TriggerEvent;
}

const context = { functionName: 'pre-token-generation', awsRequestId: 'req-1' } as never;

/** Users that may only be read: a write from the trigger fails the test (its IAM allows none). */
function readOnly(users: Ports['users']): Pick<Ports, 'users'> {
  return {
    users: new Proxy(users, {
      get(target, property, receiver) {
        if (!['get', 'memberships'].includes(String(property)))
          throw new Error(`the trigger used users.${String(property)}`);
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    }),
  };
}

/** A coordinator of BG and RO who is also CAG member of a municipality, with the coordinator role chosen last. */
async function givenPersonWithTwoMemberships() {
  const { ports } = unitPorts();
  const { user } = await findOrCreatePerson(ports, {
    displayName: 'Elena Petrova',
    locale: 'bg',
    timeZone: 'Europe/Sofia',
    channel: { type: 'email', address: 'elena@example.org' },
  });
  const coordinator = await grantMembership(ports, {
    userId: user.userId,
    role: 'coordinator',
    countries: ['RO', 'BG'],
  });
  const cag = await grantMembership(ports, {
    userId: user.userId,
    role: 'cag',
    municipalityId: 'bg-stolipinovo',
    country: 'BG',
  });
  await ports.users.update(user, { activeMembershipId: coordinator.membershipId });
  return { ports, user, coordinator, cag };
}

describe('preTokenGenerationHandler (Cognito V2 trigger)', () => {
  it('adds the claims of the membership the person last chose to the access token, and none to the ID token', async () => {
    const { ports, user, coordinator } = await givenPersonWithTwoMemberships();
    const handler = preTokenGenerationHandler(() => readOnly(ports.users));

    const result = await handler(tokenEvent(user.userId), context);

    expect(result.response.claimsAndScopeOverrideDetails).toEqual({
      accessTokenGeneration: {
        claimsToAddOrOverride: {
          name: 'Elena Petrova',
          role: 'coordinator',
          membership: coordinator.membershipId,
          countries: 'BG,RO',
        },
      },
    });
  });

  it('never sets sub: Cognito keeps its own, which is the person’s user id', async () => {
    const { ports, user } = await givenPersonWithTwoMemberships();
    const handler = preTokenGenerationHandler(() => readOnly(ports.users));

    const result = await handler(tokenEvent(user.userId), context);

    const added = result.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride;
    expect(added).toBeDefined();
    expect(Object.keys(added ?? {})).not.toContain('sub');
  });

  it('acts in the membership the client names in ClientMetadata', async () => {
    const { ports, user, cag } = await givenPersonWithTwoMemberships();
    const handler = preTokenGenerationHandler(() => readOnly(ports.users));

    const result = await handler(tokenEvent(user.userId, { membershipId: cag.membershipId }), context);

    expect(
      result.response.claimsAndScopeOverrideDetails.accessTokenGeneration?.claimsToAddOrOverride,
    ).toEqual({
      name: 'Elena Petrova',
      role: 'cag',
      membership: cag.membershipId,
      municipality: 'bg-stolipinovo',
    });
  });

  it('issues no token for a membership that is not the person’s (the local sign-in answers 403)', async () => {
    const { ports, user } = await givenPersonWithTwoMemberships();
    const handler = preTokenGenerationHandler(() => readOnly(ports.users));

    await expect(
      handler(tokenEvent(user.userId, { membershipId: 'mbr-someone-else' }), context),
    ).rejects.toThrow('That membership is not yours');
  });

  it('adds no role for a person with no membership, an erased person, or a sub the table does not know', async () => {
    const { ports, user, coordinator, cag } = await givenPersonWithTwoMemberships();
    const handler = preTokenGenerationHandler(() => readOnly(ports.users));
    const claimsOf = async (sub: string) =>
      (await handler(tokenEvent(sub), context)).response.claimsAndScopeOverrideDetails;

    expect(await claimsOf('f81d4fae-7dec-11d0-a765-00a0c91e6bf6')).toEqual({});
    await ports.users.removeMembership(coordinator);
    await ports.users.removeMembership(cag);
    expect(await claimsOf(user.userId)).toEqual({});
    await grantMembership(ports, { userId: user.userId, role: 'coordinator', countries: ['BG'] });
    const current = await ports.users.get(user.userId);
    await ports.users.update(current as never, { status: 'ERASED' });
    expect(await claimsOf(user.userId)).toEqual({});
  });

  it('refuses an event that names no person', async () => {
    const { ports } = await givenPersonWithTwoMemberships();
    const handler = preTokenGenerationHandler(() => readOnly(ports.users));

    await expect(handler(tokenEvent(undefined), context)).rejects.toThrow(/no sub/);
  });
});
