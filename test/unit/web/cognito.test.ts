import { describe, expect, it } from 'vitest';
import {
  answerWithCode,
  CognitoError,
  refreshTokens,
  revokeRefreshToken,
  startSignIn,
} from '../../../web/src/lib/cognito.ts';

const config = { region: 'eu-central-1', userPoolClientId: 'client123' };

/** A fetch that answers each call in turn and records what it was asked. */
function scriptedFetch(...answers: { status?: number; body: unknown }[]) {
  const calls: { url: string; init: RequestInit; target: string; input: Record<string, unknown> }[] = [];
  const fetchImpl = (async (url: string, init: RequestInit) => {
    const headers = init.headers as Record<string, string>;
    calls.push({
      url,
      init,
      target: headers['x-amz-target'] ?? '',
      input: JSON.parse(String(init.body)) as Record<string, unknown>,
    });
    const answer = answers[calls.length - 1] ?? { status: 500, body: {} };
    return new Response(JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { 'content-type': 'application/x-amz-json-1.1' },
    });
  }) as unknown as typeof fetch;
  return { fetchImpl, calls };
}

describe('web: the Cognito sign-in calls (request shapes, fetch mocked)', () => {
  it('asks for an email code with InitiateAuth, USER_AUTH and EMAIL_OTP preferred, as a public JSON 1.1 call', async () => {
    // Prepare
    const { fetchImpl, calls } = scriptedFetch({ body: { ChallengeName: 'EMAIL_OTP', Session: 'sess-1' } });

    // Act
    const pending = await startSignIn(config, 'email', 'ana@example.org', fetchImpl);

    // Assess
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call?.url).toBe('https://cognito-idp.eu-central-1.amazonaws.com/');
    expect(call?.init.method).toBe('POST');
    expect(call?.init.headers).toEqual({
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
    });
    // No credentials of the app's origin, no SigV4 (the call is public)
    expect(call?.init.credentials).toBe('omit');
    expect(JSON.stringify(call?.init.headers)).not.toMatch(/authorization/i);
    expect(call?.input).toEqual({
      AuthFlow: 'USER_AUTH',
      ClientId: 'client123',
      AuthParameters: { USERNAME: 'ana@example.org', PREFERRED_CHALLENGE: 'EMAIL_OTP' },
    });
    expect(pending).toEqual({ username: 'ana@example.org', challenge: 'EMAIL_OTP', session: 'sess-1' });
  });

  it('chooses the SMS code when Cognito asks to select a challenge', async () => {
    const { fetchImpl, calls } = scriptedFetch(
      {
        body: {
          ChallengeName: 'SELECT_CHALLENGE',
          Session: 's1',
          AvailableChallenges: ['SMS_OTP', 'PASSWORD'],
        },
      },
      { body: { ChallengeName: 'SMS_OTP', Session: 's2' } },
    );

    const pending = await startSignIn(config, 'sms', '+359888000111', fetchImpl);

    expect(calls.map((call) => call.target)).toEqual([
      'AWSCognitoIdentityProviderService.InitiateAuth',
      'AWSCognitoIdentityProviderService.RespondToAuthChallenge',
    ]);
    expect(calls[0]?.input.AuthParameters).toEqual({
      USERNAME: '+359888000111',
      PREFERRED_CHALLENGE: 'SMS_OTP',
    });
    expect(calls[1]?.input).toEqual({
      ChallengeName: 'SELECT_CHALLENGE',
      ClientId: 'client123',
      Session: 's1',
      ChallengeResponses: { USERNAME: '+359888000111', ANSWER: 'SMS_OTP' },
    });
    expect(pending.session).toBe('s2');
  });

  it('answers with the code as the challenge names it (SMS_OTP_CODE), and returns the tokens', async () => {
    const { fetchImpl, calls } = scriptedFetch({
      body: {
        AuthenticationResult: { AccessToken: 'acc', ExpiresIn: 900, RefreshToken: 'ref', IdToken: 'id' },
      },
    });

    const tokens = await answerWithCode(
      config,
      { username: '+359888000111', challenge: 'SMS_OTP', session: 's2' },
      '123456',
      undefined,
      fetchImpl,
    );

    expect(calls[0]?.target).toBe('AWSCognitoIdentityProviderService.RespondToAuthChallenge');
    expect(calls[0]?.input).toEqual({
      ChallengeName: 'SMS_OTP',
      ClientId: 'client123',
      Session: 's2',
      ChallengeResponses: { USERNAME: '+359888000111', SMS_OTP_CODE: '123456' },
    });
    // The ID token is not kept: only the access token carries the role the API checks.
    expect(tokens).toEqual({ accessToken: 'acc', expiresIn: 900, refreshToken: 'ref' });
  });

  it('answers an email code as EMAIL_OTP_CODE, naming the membership to act in for the trigger', async () => {
    const { fetchImpl, calls } = scriptedFetch({ body: { AuthenticationResult: { AccessToken: 'acc' } } });

    await answerWithCode(
      config,
      { username: 'ana@example.org', challenge: 'EMAIL_OTP', session: 's' },
      '654321',
      'mbr-0123456789abcdef0123',
      fetchImpl,
    );

    expect(calls[0]?.input).toMatchObject({
      ChallengeResponses: { USERNAME: 'ana@example.org', EMAIL_OTP_CODE: '654321' },
      ClientMetadata: { membershipId: 'mbr-0123456789abcdef0123' },
    });
  });

  it('refreshes with GetTokensFromRefreshToken (rotation: the next refresh token comes back), switching membership by ClientMetadata', async () => {
    const { fetchImpl, calls } = scriptedFetch(
      { body: { AuthenticationResult: { AccessToken: 'a2', ExpiresIn: 900, RefreshToken: 'r2' } } },
      { body: { AuthenticationResult: { AccessToken: 'a3', ExpiresIn: 900, RefreshToken: 'r3' } } },
    );

    const plain = await refreshTokens(config, 'r1', undefined, fetchImpl);
    const switched = await refreshTokens(config, 'r2', 'mbr-0123456789abcdef0123', fetchImpl);

    expect(calls.map((call) => call.target)).toEqual([
      'AWSCognitoIdentityProviderService.GetTokensFromRefreshToken',
      'AWSCognitoIdentityProviderService.GetTokensFromRefreshToken',
    ]);
    expect(calls[0]?.input).toEqual({ ClientId: 'client123', RefreshToken: 'r1' });
    expect(calls[1]?.input).toEqual({
      ClientId: 'client123',
      RefreshToken: 'r2',
      ClientMetadata: { membershipId: 'mbr-0123456789abcdef0123' },
    });
    expect(plain.refreshToken).toBe('r2');
    expect(switched).toEqual({ accessToken: 'a3', expiresIn: 900, refreshToken: 'r3' });
  });

  it('revokes a refresh token on sign-out with RevokeToken', async () => {
    const { fetchImpl, calls } = scriptedFetch({ body: {} });

    await revokeRefreshToken(config, 'r3', fetchImpl);

    expect(calls[0]?.target).toBe('AWSCognitoIdentityProviderService.RevokeToken');
    expect(calls[0]?.input).toEqual({ ClientId: 'client123', Token: 'r3' });
  });

  it('turns Cognito’s errors into the statuses the sign-in pages know: a wrong or spent code 401, too many tries 429', async () => {
    const failing = (type: string) =>
      scriptedFetch({ status: 400, body: { __type: type, message: 'no' } }).fetchImpl;
    const errorOf = async (type: string): Promise<CognitoError> => {
      try {
        await answerWithCode(
          config,
          { username: 'u', challenge: 'EMAIL_OTP', session: 's' },
          '000000',
          undefined,
          failing(type),
        );
      } catch (error) {
        return error as CognitoError;
      }
      throw new Error('expected Cognito to refuse');
    };

    const wrong = await errorOf('CodeMismatchException');
    expect(wrong).toBeInstanceOf(CognitoError);
    expect(wrong).toMatchObject({ type: 'CodeMismatchException', status: 401, message: 'no' });
    expect((await errorOf('NotAuthorizedException')).status).toBe(401);
    expect((await errorOf('ExpiredCodeException')).status).toBe(401);
    expect((await errorOf('TooManyRequestsException')).status).toBe(429);
    expect((await errorOf('com.amazonaws.cognito#LimitExceededException')).type).toBe(
      'LimitExceededException',
    );
    expect((await errorOf('InternalErrorException')).status).toBe(502);
  });
});
