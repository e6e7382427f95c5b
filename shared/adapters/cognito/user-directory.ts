import { randomBytes } from 'node:crypto';
import {
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  type AttributeType,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { ConflictError } from '#shared/domain/errors.ts';
import { type ChannelType, normalizeAddress } from '#shared/domain/model/user.ts';
import type { SignInAddress, UserDirectory } from '#shared/domain/ports.ts';

/** The pool attributes of an address: the address, verified (the pool sends codes only to verified ones). */
function attributesOf({ type, address }: SignInAddress): AttributeType[] {
  const normalized = normalizeAddress(type, address);
  return type === 'email'
    ? [
        { Name: 'email', Value: normalized },
        { Name: 'email_verified', Value: 'true' },
      ]
    : [
        { Name: 'phone_number', Value: normalized },
        { Name: 'phone_number_verified', Value: 'true' },
      ];
}

const subOf = (attributes: AttributeType[] | undefined) =>
  attributes?.find((attribute) => attribute.Name === 'sub')?.Value;

const named = (error: unknown, ...names: string[]) => error instanceof Error && names.includes(error.name);

/**
 * The user directory on a Cognito user pool whose usernames are email addresses and phone numbers (the pool's
 * username attributes): a person is created without an invitation message (the engine sends its own, in the
 * person's language, with a link) and with a password nobody knows, so they are confirmed and sign in with
 * one-time codes only. The pool's `sub` is the person's user id.
 */
export class CognitoUserDirectory implements UserDirectory {
  /** Cognito sends the code when a person signs in: an invitation only says where to sign in. */
  readonly sendsSignInCodes = true;

  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async register(address: SignInAddress): Promise<{ userId: string; created: boolean }> {
    const username = normalizeAddress(address.type, address.address);
    try {
      const output = await this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: username,
          UserAttributes: attributesOf(address),
          MessageAction: 'SUPPRESS',
        }),
      );
      const userId = subOf(output.User?.Attributes);
      if (!userId) throw new Error('Cognito created a user without a sub');
      await this.confirm(userId);
      return { userId, created: true };
    } catch (error) {
      if (!named(error, 'UsernameExistsException', 'AliasExistsException')) throw error;
      const existing = await this.client.send(
        new AdminGetUserCommand({ UserPoolId: this.userPoolId, Username: username }),
      );
      const userId = subOf(existing.UserAttributes);
      if (!userId) throw new Error('Cognito returned a user without a sub');
      // A crash between creating and confirming left the person unconfirmed: confirm now.
      if (existing.UserStatus === 'FORCE_CHANGE_PASSWORD') await this.confirm(userId);
      return { userId, created: false };
    }
  }

  /** Confirms a new person with a password nobody is told: they sign in with one-time codes only. */
  private async confirm(userId: string) {
    await this.client.send(
      new AdminSetUserPasswordCommand({
        UserPoolId: this.userPoolId,
        Username: userId,
        // Random, long, and with every character class any password policy may ask for; never stored.
        Password: `${randomBytes(36).toString('base64url')}aA1!`,
        Permanent: true,
      }),
    );
  }

  async setAddress(userId: string, address: SignInAddress): Promise<void> {
    try {
      await this.client.send(
        new AdminUpdateUserAttributesCommand({
          UserPoolId: this.userPoolId,
          Username: userId,
          UserAttributes: attributesOf(address),
        }),
      );
    } catch (error) {
      if (named(error, 'AliasExistsException'))
        throw new ConflictError('That address already signs someone else in', [
          { path: 'address', message: 'belongs to someone else' },
        ]);
      throw error;
    }
  }

  async removeAddress(userId: string, type: ChannelType): Promise<void> {
    await this.client.send(
      new AdminDeleteUserAttributesCommand({
        UserPoolId: this.userPoolId,
        Username: userId,
        UserAttributeNames: [type === 'email' ? 'email' : 'phone_number'],
      }),
    );
  }

  async signOutEverywhere(userId: string): Promise<void> {
    try {
      await this.client.send(
        new AdminUserGlobalSignOutCommand({ UserPoolId: this.userPoolId, Username: userId }),
      );
    } catch (error) {
      if (!named(error, 'UserNotFoundException')) throw error;
    }
  }

  async remove(userId: string): Promise<void> {
    try {
      await this.client.send(new AdminDeleteUserCommand({ UserPoolId: this.userPoolId, Username: userId }));
    } catch (error) {
      if (!named(error, 'UserNotFoundException')) throw error;
    }
  }
}
