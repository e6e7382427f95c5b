/// <reference lib="dom" />
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../../web/src/lib/api-client.ts';
import { cognitoTransport, type TokenStore } from '../../../web/src/lib/session-transport.ts';

/**
 * The web app's Cognito session on AWS, with fetch mocked: Cognito's endpoint answers as the user-pool API does,
 * the API answers `GET /me` for the bearer token it was given.
 */

const config = { region: 'eu-central-1', userPoolClientId: 'client123' };
const ME = {
  user: { userId: 'sub-1', displayName: 'Ana' },
  memberships: [{ membershipId: 'mbr-a' }, { membershipId: 'mbr-b' }],
  activeMembershipId: 'mbr-a',
};

function memoryTokens(initial?: string): TokenStore & { value: string | undefined } {
  const store = {
    value: initial,
    get: () => store.value,
    set: (token: string) => {
      store.value = token;
    },
    clear: () => {
      store.value = undefined;
    },
  };
  return store;
}

/** Cognito's answers by operation; the API's `/me` echoes whom the bearer token names. */
function fakeNetwork(
  cognito: Record<string, (input: Record<string, unknown>) => { status?: number; body: unknown }>,
) {
  const calls: { url: string; target?: string; input?: Record<string, unknown>; authorization?: string }[] =
    [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const headers = (init.headers ?? {}) as Record<string, string>;
    if (url === '/config.json') return new Response(JSON.stringify({ apiUrl: '' }));
    if (url.startsWith('https://cognito-idp.')) {
      const operation = (headers['x-amz-target'] ?? '').split('.').pop() ?? '';
      const input = JSON.parse(String(init.body)) as Record<string, unknown>;
      calls.push({ url, target: operation, input });
      const answer = cognito[operation]?.(input) ?? {
        status: 400,
        body: { __type: 'InvalidParameterException' },
      };
      return new Response(JSON.stringify(answer.body), { status: answer.status ?? 200 });
    }
    calls.push({ url, ...(headers.authorization ? { authorization: headers.authorization } : {}) });
    if (url === '/me' && headers.authorization?.startsWith('Bearer '))
      return new Response(JSON.stringify(ME), { headers: { 'content-type': 'application/json' } });
    return new Response(JSON.stringify({ error: { code: 'UNAUTHENTICATED', message: 'no' } }), {
      status: 401,
    });
  });
  return calls;
}

describe('web: the Cognito session transport (fetch mocked)', () => {
  beforeEach(() => {
    // The API client names the page's language; there is no page here.
    vi.stubGlobal('document', { documentElement: { lang: 'bg' } });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('signs in with the code: Cognito sends it, the answer gives tokens, the person comes from GET /me with the access token', async () => {
    // Prepare
    const calls = fakeNetwork({
      InitiateAuth: () => ({ body: { ChallengeName: 'EMAIL_OTP', Session: 's1' } }),
      RespondToAuthChallenge: () => ({
        body: { AuthenticationResult: { AccessToken: 'acc-1', ExpiresIn: 900, RefreshToken: 'ref-1' } },
      }),
    });
    const tokens = memoryTokens();
    const transport = cognitoTransport(config, tokens);

    // Act
    const started = await transport.start('email', ' Ana@Example.org ');
    const session = await transport.verify('email', 'ana@example.org', '123456');

    // Assess
    expect(started.expiresInSeconds).toBe(600);
    expect(calls.map((call) => call.target ?? call.url)).toEqual([
      'InitiateAuth',
      'RespondToAuthChallenge',
      '/me',
    ]);
    expect(calls[0]?.input?.AuthParameters).toEqual({
      USERNAME: 'ana@example.org',
      PREFERRED_CHALLENGE: 'EMAIL_OTP',
    });
    expect(calls[2]?.authorization).toBe('Bearer acc-1');
    expect(session).toEqual({ ...ME, accessToken: 'acc-1', expiresIn: 900 });
    expect(tokens.value).toBe('ref-1');
  });

  it('refuses a code for an address it sent none to, without asking Cognito', async () => {
    const calls = fakeNetwork({});
    const transport = cognitoTransport(config, memoryTokens());

    const error = await transport.verify('sms', '+359888000111', '123456').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect(calls).toEqual([]);
  });

  it('answers a wrong code as the pages expect (401), and a rate limit as 429', async () => {
    let next = 'CodeMismatchException';
    fakeNetwork({
      InitiateAuth: () => ({ body: { ChallengeName: 'SMS_OTP', Session: 's1' } }),
      RespondToAuthChallenge: () => ({ status: 400, body: { __type: next, message: 'no' } }),
    });
    const transport = cognitoTransport(config, memoryTokens());
    await transport.start('sms', '+359888000111');

    const wrong = await transport.verify('sms', '+359888000111', '000000').catch((caught: unknown) => caught);
    next = 'TooManyRequestsException';
    const limited = await transport
      .verify('sms', '+359888000111', '000000')
      .catch((caught: unknown) => caught);

    expect(wrong).toMatchObject({ status: 401, code: 'CodeMismatchException' });
    expect(limited).toMatchObject({ status: 429, retryAfterSeconds: 60 });
  });

  it('refreshes by rotation, switching membership through ClientMetadata, and keeps the next refresh token', async () => {
    const calls = fakeNetwork({
      GetTokensFromRefreshToken: (input) => ({
        body: {
          AuthenticationResult: {
            AccessToken: `acc-for-${input.RefreshToken}`,
            ExpiresIn: 900,
            RefreshToken: `${input.RefreshToken}+`,
          },
        },
      }),
    });
    const tokens = memoryTokens('ref-1');
    const transport = cognitoTransport(config, tokens);

    await transport.refresh();
    const switched = await transport.refresh('mbr-b');

    const refreshes = calls.filter((call) => call.target === 'GetTokensFromRefreshToken');
    expect(refreshes.map((call) => call.input)).toEqual([
      { ClientId: 'client123', RefreshToken: 'ref-1' },
      { ClientId: 'client123', RefreshToken: 'ref-1+', ClientMetadata: { membershipId: 'mbr-b' } },
    ]);
    expect(tokens.value).toBe('ref-1++');
    expect(switched.accessToken).toBe('acc-for-ref-1+');
  });

  it('forgets a refresh token Cognito refuses (spent or revoked), and is signed out without one', async () => {
    fakeNetwork({
      GetTokensFromRefreshToken: () => ({
        status: 400,
        body: { __type: 'NotAuthorizedException', message: 'revoked' },
      }),
    });
    const tokens = memoryTokens('ref-old');
    const transport = cognitoTransport(config, tokens);

    await expect(transport.refresh()).rejects.toMatchObject({ status: 401 });
    expect(tokens.value).toBeUndefined();
    await expect(transport.refresh()).rejects.toMatchObject({ status: 401, code: 'SIGNED_OUT' });
  });

  it('signs out by revoking the refresh token at Cognito and forgetting it', async () => {
    const calls = fakeNetwork({ RevokeToken: () => ({ body: {} }) });
    const tokens = memoryTokens('ref-1');

    await cognitoTransport(config, tokens).signOut();

    expect(calls.map((call) => [call.target, call.input])).toEqual([
      ['RevokeToken', { ClientId: 'client123', Token: 'ref-1' }],
    ]);
    expect(tokens.value).toBeUndefined();
  });
});
