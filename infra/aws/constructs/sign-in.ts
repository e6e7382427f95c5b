import { Duration, Names, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { LocaleCode } from '#shared/domain/model/roles.ts';
import { peopleCatalogs } from '#shared/domain/notifications/catalogs/people.ts';
import { ACCESS_TOKEN_SECONDS, REFRESH_GRACE_SECONDS, SESSION_DAYS } from '#shared/domain/ops/sessions.ts';
import { SIGN_IN_CODE_MINUTES } from '#shared/domain/ops/sign-in-codes.ts';
import type { RegionConfig } from '../config.ts';

/** Properties of a region's sign-in. */
export interface SignInProps {
  signIn: RegionConfig['signIn'];
  removalPolicy: RemovalPolicy;
  /** The pre-token-generation trigger (a version or alias): it adds the claims of the person's membership. */
  preTokenGeneration: lambda.IFunction;
}

/** What the web app needs to sign people in (its `config.json`). */
export interface WebSignInConfig {
  region: string;
  userPoolId: string;
  userPoolClientId: string;
}

/** The SMS text of a sign-in code: one segment, understood in every language of the programme. */
export const SMS_CODE_MESSAGE = 'ROMACT {####}';

/** The email of a sign-in code: the code, then what it is in each language (Cognito sends one text to all). */
export function emailCodeMessage(): string {
  const lines = LocaleCode.options.map((locale) => peopleCatalogs[locale].signInSubject);
  return `<p><b>{####}</b></p><p>${lines.join('<br>')}</p>`;
}

/**
 * Sign-in on AWS: a Cognito user pool on the Essentials plan with choice-based, passwordless sign-in — a
 * one-time code by email or SMS (and passkeys where the web app's domain is configured) — no self sign-up,
 * email or phone as the username, and an app client for the web app with short access tokens and rotating
 * refresh tokens. The lifetimes are the local sign-in's (shared/domain/ops/sessions.ts): one rule on both sides.
 *
 * Nobody has a password: people are created by the API with a random one nobody is told. Cognito insists that
 * PASSWORD stays an allowed first factor; with no known password it admits nobody, and account recovery (which
 * would let someone set one) is admin-only: a person who loses their address asks their coordinator.
 */
export class SignIn extends Construct {
  readonly userPool: cognito.UserPool;
  readonly client: cognito.UserPoolClient;
  /** The role Cognito assumes to send SMS codes through SNS. */
  readonly smsRole: iam.Role;

  constructor(scope: Construct, id: string, props: SignInProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const config = props.signIn;

    // Cognito assumes this role with an external id only this pool knows, and only from this account; it may
    // publish SMS to phone numbers and nothing else (a topic ARN is refused).
    const smsExternalId = Names.uniqueId(this);
    this.smsRole = new iam.Role(this, 'SmsRole', {
      description: 'Cognito sends sign-in codes by SMS through SNS',
      assumedBy: new iam.ServicePrincipal('cognito-idp.amazonaws.com', {
        conditions: {
          StringEquals: { 'sts:ExternalId': smsExternalId, 'aws:SourceAccount': stack.account },
        },
      }),
      inlinePolicies: {
        SmsOnly: new iam.PolicyDocument({
          statements: [
            new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }),
            new iam.PolicyStatement({
              effect: iam.Effect.DENY,
              actions: ['sns:Publish'],
              resources: [`arn:${stack.partition}:sns:*:*:*`],
            }),
          ],
        }),
      },
    });

    const passkeys = config.passkeyRelyingPartyId;
    this.userPool = new cognito.UserPool(this, 'Users', {
      featurePlan: cognito.FeaturePlan.ESSENTIALS,
      selfSignUpEnabled: false,
      signInAliases: { email: true, phone: true },
      signInCaseSensitive: false,
      signInPolicy: {
        allowedFirstAuthFactors: { password: true, emailOtp: true, smsOtp: true, passkey: Boolean(passkeys) },
      },
      ...(passkeys
        ? {
            passkeyRelyingPartyId: passkeys,
            passkeyUserVerification: cognito.PasskeyUserVerification.REQUIRED,
          }
        : {}),
      // Cognito offers no passwordless sign-in to a person with MFA: the one-time code is the factor.
      mfa: cognito.Mfa.OFF,
      accountRecovery: cognito.AccountRecovery.NONE,
      passwordPolicy: {
        minLength: 16,
        requireDigits: true,
        requireLowercase: true,
        requireUppercase: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(1),
      },
      email: cognito.UserPoolEmail.withSES({
        fromEmail: config.emailFrom,
        fromName: config.emailFromName,
        ...(config.sesRegion ? { sesRegion: config.sesRegion } : {}),
        ...(config.sesIdentity === 'domain' ? { sesVerifiedDomain: config.emailFrom.split('@')[1] } : {}),
      }),
      mfaMessage: SMS_CODE_MESSAGE,
      smsRole: this.smsRole,
      smsRoleExternalId: smsExternalId,
      deletionProtection: props.removalPolicy === RemovalPolicy.RETAIN,
      removalPolicy: props.removalPolicy,
    });
    const pool = this.userPool.node.defaultChild as cognito.CfnUserPool;
    pool.emailAuthenticationSubject = 'ROMACT';
    pool.emailAuthenticationMessage = emailCodeMessage();

    // Version 2: the trigger shapes the access token, the one API Gateway's JWT authorizer checks.
    this.userPool.addTrigger(
      cognito.UserPoolOperation.PRE_TOKEN_GENERATION_CONFIG,
      props.preTokenGeneration,
      cognito.LambdaVersion.V2_0,
    );

    this.client = this.userPool.addClient('Web', {
      // Choice-based sign-in only (USER_AUTH); refresh by rotation (GetTokensFromRefreshToken).
      authFlows: { user: true },
      disableOAuth: true,
      generateSecret: false,
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
      // The same answer whether or not the address belongs to someone, as the local sign-in.
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      authSessionValidity: Duration.minutes(SIGN_IN_CODE_MINUTES),
      accessTokenValidity: Duration.seconds(ACCESS_TOKEN_SECONDS),
      idTokenValidity: Duration.seconds(ACCESS_TOKEN_SECONDS),
      refreshTokenValidity: Duration.days(SESSION_DAYS),
      // The token just replaced is honoured for a few seconds (two tabs refreshing at once), then refused, as the
      // local sign-in does.
      refreshTokenRotationGracePeriod: Duration.seconds(REFRESH_GRACE_SECONDS),
      // Addresses change through the API, which keeps the table and the pool together; the app reads them only.
      readAttributes: new cognito.ClientAttributes().withStandardAttributes({
        email: true,
        emailVerified: true,
        phoneNumber: true,
        phoneNumberVerified: true,
      }),
      writeAttributes: new cognito.ClientAttributes().withStandardAttributes({ locale: true }),
    });
  }

  /** The web app's sign-in settings for this region. */
  webConfig(): WebSignInConfig {
    return {
      region: Stack.of(this).region,
      userPoolId: this.userPool.userPoolId,
      userPoolClientId: this.client.userPoolClientId,
    };
  }
}
