import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import type { Claims } from '#shared/domain/model/caller.ts';
import type { Ports } from '#shared/domain/ports.ts';
import type { Access } from '../shared/access.ts';
import { awsPorts } from '../shared/aws-ports.ts';
import { logger } from '../shared/logger.ts';
import { tokenClaims } from './token-claims.ts';

/**
 * Cognito's pre-token-generation trigger (event version 2, so it shapes the ACCESS token, which API Gateway's
 * JWT authorizer checks): the person is their Cognito `sub`, which is their user id in the table; their tokens
 * get the claims the local sign-in issues. Cognito keeps `sub` itself (a trigger may not change it).
 *
 * The client may name the membership to act in with `ClientMetadata: { membershipId }` when it answers the
 * sign-in challenge or refreshes its tokens (GetTokensFromRefreshToken), as the local `/auth/refresh` takes it.
 */

/** The table, read-only: the CDK narrows the grant further, to people's items (`USER#…` partitions). */
export const preTokenGenerationAccess: Access = { table: 'read' };

/** The claims a trigger may add to a token: every claim but `sub`, which Cognito sets and keeps. */
export function addedClaims(claims: Claims): Record<string, string> {
  const { sub: _cognitoSetsIt, ...added } = claims;
  return Object.fromEntries(
    Object.entries(added).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** The trigger's edge on the given ports (the Lambda wiring below; tests pass the local store's). */
export function preTokenGenerationHandler(portsFor: () => Pick<Ports, 'users'>) {
  return middy<PreTokenGenerationV2TriggerEvent, PreTokenGenerationV2TriggerEvent>()
    .use(injectLambdaContext(logger))
    .handler(async (event) => {
      const sub = event.request.userAttributes.sub;
      if (!sub) throw new Error('The token request names no person (no sub)');
      const claims = await tokenClaims(portsFor(), sub, event.request.clientMetadata?.membershipId);
      // Ids and outcomes only: the person's name and addresses stay out of the logs.
      logger.info('token claims', { trigger: event.triggerSource, role: claims?.role ?? 'none' });
      // The access token only: an ID token (whose `aud` is the client too) carries no role, so the API refuses it.
      event.response = {
        claimsAndScopeOverrideDetails: claims
          ? { accessTokenGeneration: { claimsToAddOrOverride: addedClaims(claims) } }
          : {},
      };
      return event;
    });
}

/** The Lambda entry. */
export const handler = preTokenGenerationHandler(() =>
  awsPorts(preTokenGenerationAccess, 'pre-token-generation'),
);
