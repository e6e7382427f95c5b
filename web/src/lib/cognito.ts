/**
 * Cognito's user-pool API, the few public calls the web app signs people in with on AWS: choice-based sign-in
 * (InitiateAuth with USER_AUTH and the one-time code as the preferred challenge), the answer with the code,
 * refresh by rotation (GetTokensFromRefreshToken) and revocation. These calls need no AWS credentials (no SigV4):
 * a JSON POST to the region's endpoint naming the operation in `X-Amz-Target`, so plain fetch does, and the
 * page carries no SDK. The client has no secret. Pure: no DOM, no storage (the caller keeps the tokens).
 */

/** The user pool client the app signs in with (`config.json` on AWS). */
export interface CognitoClientConfig {
  region: string;
  userPoolClientId: string;
}

/** The channel a code goes to: Cognito's challenge for it, and the answer's parameter name. */
const challengeOf = { email: 'EMAIL_OTP', sms: 'SMS_OTP' } as const;
const codeParameterOf = { EMAIL_OTP: 'EMAIL_OTP_CODE', SMS_OTP: 'SMS_OTP_CODE' } as const;
type OtpChallenge = (typeof challengeOf)[keyof typeof challengeOf];

/** A sign-in under way: what the answer with the code must send back. */
export interface PendingSignIn {
  username: string;
  challenge: OtpChallenge;
  session: string;
}

/** Tokens Cognito issued; `refreshToken` is absent only where rotation is off (never for this client). */
export interface CognitoTokens {
  accessToken: string;
  expiresIn: number;
  refreshToken?: string;
}

/** Cognito answered with an error: its type (`CodeMismatchException`, ...) and message. */
export class CognitoError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'CognitoError';
  }

  /**
   * The HTTP status the app treats this as, as the local `/auth/*` answers it: a wrong, expired or used code (or
   * sign-in session) is 401, too many tries 429, a bad address 400, anything else 502.
   */
  get status(): number {
    if (
      [
        'NotAuthorizedException',
        'CodeMismatchException',
        'ExpiredCodeException',
        'UserNotFoundException',
      ].includes(this.type)
    )
      return 401;
    if (
      ['TooManyRequestsException', 'LimitExceededException', 'TooManyFailedAttemptsException'].includes(
        this.type,
      )
    )
      return 429;
    if (this.type === 'InvalidParameterException') return 400;
    return 502;
  }
}

/** The region's endpoint of the user-pool API. */
export const cognitoEndpoint = (region: string) => `https://cognito-idp.${region}.amazonaws.com/`;

/** One call of the user-pool API: the operation in `X-Amz-Target`, the input as JSON 1.1. */
export async function cognitoCall<T>(
  config: CognitoClientConfig,
  operation: string,
  input: Record<string, unknown>,
  fetchImpl: typeof fetch = fetch,
): Promise<T> {
  const response = await fetchImpl(cognitoEndpoint(config.region), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify(input),
    // Nothing of the app's origin goes along: no cookies, no referrer.
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
  });
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    body = {};
  }
  if (response.ok) return body as T;
  // `__type` may carry a namespace prefix (`com.amazonaws…#CodeMismatchException`).
  const type =
    String(body.__type ?? `HTTP_${response.status}`)
      .split('#')
      .pop() ?? 'Unknown';
  throw new CognitoError(type, String(body.message ?? body.Message ?? response.statusText));
}

interface AuthenticationResult {
  AccessToken?: string;
  ExpiresIn?: number;
  RefreshToken?: string;
}

interface ChallengeAnswer {
  ChallengeName?: string;
  Session?: string;
  AvailableChallenges?: string[];
  AuthenticationResult?: AuthenticationResult;
}

function tokensOf(result: AuthenticationResult | undefined): CognitoTokens {
  if (!result?.AccessToken)
    throw new CognitoError('NotAuthorizedException', 'Cognito issued no access token');
  return {
    accessToken: result.AccessToken,
    expiresIn: result.ExpiresIn ?? 900,
    ...(result.RefreshToken ? { refreshToken: result.RefreshToken } : {}),
  };
}

/**
 * Asks Cognito to send a one-time code to the address (the person's username): InitiateAuth, USER_AUTH, with the
 * code on that channel as the preferred challenge. Where Cognito asks to choose instead, the code is chosen.
 */
export async function startSignIn(
  config: CognitoClientConfig,
  channel: 'email' | 'sms',
  username: string,
  fetchImpl: typeof fetch = fetch,
): Promise<PendingSignIn> {
  const challenge = challengeOf[channel];
  let answer = await cognitoCall<ChallengeAnswer>(
    config,
    'InitiateAuth',
    {
      AuthFlow: 'USER_AUTH',
      ClientId: config.userPoolClientId,
      AuthParameters: { USERNAME: username, PREFERRED_CHALLENGE: challenge },
    },
    fetchImpl,
  );
  if (answer.ChallengeName === 'SELECT_CHALLENGE') {
    answer = await cognitoCall<ChallengeAnswer>(
      config,
      'RespondToAuthChallenge',
      {
        ChallengeName: 'SELECT_CHALLENGE',
        ClientId: config.userPoolClientId,
        Session: answer.Session,
        ChallengeResponses: { USERNAME: username, ANSWER: challenge },
      },
      fetchImpl,
    );
  }
  if (answer.ChallengeName !== challenge || !answer.Session)
    throw new CognitoError('InvalidParameterException', `Cognito offered no ${challenge} for this address`);
  return { username, challenge, session: answer.Session };
}

/** Answers the challenge with the code; the tokens of the membership `membershipId` names, if any. */
export async function answerWithCode(
  config: CognitoClientConfig,
  pending: PendingSignIn,
  code: string,
  membershipId?: string,
  fetchImpl: typeof fetch = fetch,
): Promise<CognitoTokens> {
  const answer = await cognitoCall<ChallengeAnswer>(
    config,
    'RespondToAuthChallenge',
    {
      ChallengeName: pending.challenge,
      ClientId: config.userPoolClientId,
      Session: pending.session,
      ChallengeResponses: { USERNAME: pending.username, [codeParameterOf[pending.challenge]]: code },
      // The pre-token-generation trigger reads it: the membership the tokens act in.
      ...(membershipId ? { ClientMetadata: { membershipId } } : {}),
    },
    fetchImpl,
  );
  return tokensOf(answer.AuthenticationResult);
}

/**
 * New tokens for a refresh token, which rotates: the answer carries the next refresh token, and the one given is
 * spent. `membershipId` switches the membership the access token acts in (the trigger reads it).
 */
export async function refreshTokens(
  config: CognitoClientConfig,
  refreshToken: string,
  membershipId?: string,
  fetchImpl: typeof fetch = fetch,
): Promise<CognitoTokens> {
  const answer = await cognitoCall<{ AuthenticationResult?: AuthenticationResult }>(
    config,
    'GetTokensFromRefreshToken',
    {
      ClientId: config.userPoolClientId,
      RefreshToken: refreshToken,
      ...(membershipId ? { ClientMetadata: { membershipId } } : {}),
    },
    fetchImpl,
  );
  return tokensOf(answer.AuthenticationResult);
}

/** Revokes a refresh token (sign-out): it and the access tokens it issued stop working. */
export async function revokeRefreshToken(
  config: CognitoClientConfig,
  refreshToken: string,
  fetchImpl: typeof fetch = fetch,
): Promise<void> {
  await cognitoCall(
    config,
    'RevokeToken',
    { ClientId: config.userPoolClientId, Token: refreshToken },
    fetchImpl,
  );
}
