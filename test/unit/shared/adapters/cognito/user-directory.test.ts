import {
  AdminCreateUserCommand,
  AdminDeleteUserAttributesCommand,
  AdminDeleteUserCommand,
  AdminGetUserCommand,
  AdminSetUserPasswordCommand,
  AdminUpdateUserAttributesCommand,
  AdminUserGlobalSignOutCommand,
  AliasExistsException,
  CognitoIdentityProviderClient,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { CognitoUserDirectory } from '#shared/adapters/cognito/user-directory.ts';
import { ConflictError } from '#shared/domain/errors.ts';

const cognito = mockClient(CognitoIdentityProviderClient);
const POOL = 'eu-central-1_pool';
const SUB = 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6';
const directory = () => new CognitoUserDirectory(new CognitoIdentityProviderClient({}), POOL);
const exists = (Exception: typeof UsernameExistsException | typeof AliasExistsException) =>
  new Exception({ message: 'exists', $metadata: {} });

describe('CognitoUserDirectory (mocked client)', () => {
  afterEach(() => cognito.reset());

  it('registers a person by their address, verified, with no message from Cognito, and gives their sub as user id', async () => {
    cognito.on(AdminCreateUserCommand).resolves({ User: { Attributes: [{ Name: 'sub', Value: SUB }] } });
    cognito.on(AdminSetUserPasswordCommand).resolves({});

    const registered = await directory().register({ type: 'email', address: ' Maria@Example.org ' });

    expect(registered).toEqual({ userId: SUB, created: true });
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'maria@example.org',
      UserAttributes: [
        { Name: 'email', Value: 'maria@example.org' },
        { Name: 'email_verified', Value: 'true' },
      ],
      MessageAction: 'SUPPRESS',
    });
  });

  it('confirms a new person with a long random password nobody is told, so one-time codes are their only way in', async () => {
    cognito.on(AdminCreateUserCommand).resolves({ User: { Attributes: [{ Name: 'sub', Value: SUB }] } });
    cognito.on(AdminSetUserPasswordCommand).resolves({});

    await directory().register({ type: 'sms', address: '+359888123456' });
    await directory().register({ type: 'sms', address: '+359888123457' });

    const passwords = cognito.commandCalls(AdminSetUserPasswordCommand).map((call) => call.args[0].input);
    expect(passwords.map((input) => [input.Username, input.Permanent])).toEqual([
      [SUB, true],
      [SUB, true],
    ]);
    expect(passwords[0]?.Password).not.toBe(passwords[1]?.Password);
    for (const { Password } of passwords) {
      expect(Password?.length).toBeGreaterThanOrEqual(40);
      expect(Password).toMatch(/[a-z]/);
      expect(Password).toMatch(/[A-Z]/);
      expect(Password).toMatch(/\d/);
      expect(Password).toMatch(/[^A-Za-z0-9]/);
    }
    expect(cognito.commandCalls(AdminCreateUserCommand)[0]?.args[0].input.UserAttributes).toEqual([
      { Name: 'phone_number', Value: '+359888123456' },
      { Name: 'phone_number_verified', Value: 'true' },
    ]);
  });

  it('gives the same id for an address registered again, confirming a person a crash left unconfirmed', async () => {
    cognito.on(AdminCreateUserCommand).rejects(exists(UsernameExistsException));
    cognito
      .on(AdminGetUserCommand)
      .resolvesOnce({ UserAttributes: [{ Name: 'sub', Value: SUB }], UserStatus: 'CONFIRMED' })
      .resolvesOnce({ UserAttributes: [{ Name: 'sub', Value: SUB }], UserStatus: 'FORCE_CHANGE_PASSWORD' });
    cognito.on(AdminSetUserPasswordCommand).resolves({});

    expect(await directory().register({ type: 'email', address: 'maria@example.org' })).toEqual({
      userId: SUB,
      created: false,
    });
    expect(cognito.commandCalls(AdminSetUserPasswordCommand)).toHaveLength(0);
    expect(await directory().register({ type: 'email', address: 'maria@example.org' })).toEqual({
      userId: SUB,
      created: false,
    });
    expect(cognito.commandCalls(AdminSetUserPasswordCommand)).toHaveLength(1);
    expect(cognito.commandCalls(AdminGetUserCommand)[0]?.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: 'maria@example.org',
    });
  });

  it('sets an address verified, and names the conflict when it signs someone else in', async () => {
    cognito.on(AdminUpdateUserAttributesCommand).resolvesOnce({}).rejectsOnce(exists(AliasExistsException));

    await directory().setAddress(SUB, { type: 'sms', address: '+359888123456' });
    expect(cognito.commandCalls(AdminUpdateUserAttributesCommand)[0]?.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: SUB,
      UserAttributes: [
        { Name: 'phone_number', Value: '+359888123456' },
        { Name: 'phone_number_verified', Value: 'true' },
      ],
    });
    await expect(
      directory().setAddress(SUB, { type: 'email', address: 'taken@example.org' }),
    ).rejects.toThrow(ConflictError);
  });

  it('removes an address, signs a person out everywhere, and removes them; a person already gone is no error', async () => {
    cognito.on(AdminDeleteUserAttributesCommand).resolves({});
    cognito
      .on(AdminUserGlobalSignOutCommand)
      .rejects(new UserNotFoundException({ message: 'gone', $metadata: {} }));
    cognito
      .on(AdminDeleteUserCommand)
      .resolvesOnce({})
      .rejectsOnce(new UserNotFoundException({ message: 'gone', $metadata: {} }));

    await directory().removeAddress(SUB, 'email');
    await directory().signOutEverywhere(SUB);
    await directory().remove(SUB);
    await directory().remove(SUB);

    expect(cognito.commandCalls(AdminDeleteUserAttributesCommand)[0]?.args[0].input).toEqual({
      UserPoolId: POOL,
      Username: SUB,
      UserAttributeNames: ['email'],
    });
    expect(cognito.commandCalls(AdminDeleteUserCommand)).toHaveLength(2);
  });

  it('passes other failures on', async () => {
    cognito.on(AdminDeleteUserCommand).rejects(new Error('throttled'));

    await expect(directory().remove(SUB)).rejects.toThrow('throttled');
  });
});
