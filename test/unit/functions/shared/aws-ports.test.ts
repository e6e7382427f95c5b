import { afterEach, describe, expect, it, vi } from 'vitest';
import { awsPorts } from '#functions/shared/aws-ports.ts';
import { CognitoUserDirectory } from '#shared/adapters/cognito/user-directory.ts';

describe('awsPorts: the user directory', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('builds the Cognito directory on the pool in USER_POOL_ID for a function that declares `directory`', () => {
    vi.stubEnv('TABLE_NAME', 'romact');
    vi.stubEnv('USER_POOL_ID', 'eu-central-1_Pool');

    const ports = awsPorts({ table: 'readWrite', directory: 'manage' }, 'test-directory-declared');

    expect(ports.directory).toBeInstanceOf(CognitoUserDirectory);
    expect(ports.directory?.sendsSignInCodes).toBe(true);
  });

  it('gives a function that does not declare it no directory, even with the pool id set', () => {
    vi.stubEnv('TABLE_NAME', 'romact');
    vi.stubEnv('USER_POOL_ID', 'eu-central-1_Pool');

    const ports = awsPorts({ table: 'readWrite' }, 'test-directory-undeclared');

    expect(ports.directory).toBeUndefined();
  });

  it('refuses to start a declaring function without the pool id (a stack that forgot bindDirectory)', () => {
    vi.stubEnv('TABLE_NAME', 'romact');
    vi.stubEnv('USER_POOL_ID', '');

    expect(() => awsPorts({ table: 'readWrite', directory: 'manage' }, 'test-directory-no-pool')).toThrow(
      /USER_POOL_ID/,
    );
  });
});
