import { describe, expect, it } from 'vitest';
import { MemoryUserDirectory } from '#shared/adapters/memory/user-directory.ts';
import { addressKey } from '#shared/domain/model/user.ts';
import { InviteBody, inviteMember } from '#shared/domain/usecases/people/invite-member.ts';
import { callers, givenMunicipality, unitPorts } from '../../../../../support/unit-ports.ts';

const invitation = (address = '+359888000555') =>
  InviteBody.parse({ role: 'cag', displayName: 'Mariya Asenova', channel: 'sms', address });

describe('inviteMember and the user directory', () => {
  it('where the directory sends the codes (Cognito on AWS): registers the person there and sends an invitation without a code of ours', async () => {
    // Prepare
    const env = unitPorts();
    const directory = new MemoryUserDirectory({ sendsSignInCodes: true });
    env.ports.directory = directory;
    await givenMunicipality(env.ports);

    // Act
    const membership = await inviteMember(env.ports, callers.municipality, 'bg-stolipinovo', invitation());

    // Assess: the person is the directory's, nothing of the local sign-in is stored, the message says where to go
    expect(directory.holderOf('sms', '+359888000555')).toBe(membership.userId);
    expect(await env.ports.signIn.getCode(addressKey('sms', '+359888000555'))).toBeUndefined();
    const sent = env.notifier.messages.filter((message) => message.kinds.includes('invitation'));
    expect(sent).toHaveLength(1);
    expect(sent[0]?.recipient.address).toBe('+359888000555');
    expect(sent[0]?.text).toContain('https://romact.example.org');
    expect(sent[0]?.text).not.toMatch(/\d{6}/);
  });

  it('where the engine signs people in (locally): the invitation carries a code that is stored, hashed', async () => {
    const env = unitPorts();
    env.ports.directory = new MemoryUserDirectory();
    await givenMunicipality(env.ports);

    await inviteMember(env.ports, callers.municipality, 'bg-stolipinovo', invitation());

    const code = await env.ports.signIn.getCode(addressKey('sms', '+359888000555'));
    expect(code?.purpose).toBe('invitation');
    const sent = env.notifier.messages.find((message) => message.kinds.includes('invitation'));
    expect(sent?.text).toMatch(/\b\d{6}\b/);
  });

  it('invites the same address twice as one person, registered once', async () => {
    const env = unitPorts();
    const directory = new MemoryUserDirectory({ sendsSignInCodes: true });
    env.ports.directory = directory;
    await givenMunicipality(env.ports);

    const first = await inviteMember(env.ports, callers.coordinator, 'bg-stolipinovo', invitation());
    const second = await inviteMember(env.ports, callers.coordinator, 'bg-stolipinovo', invitation());

    expect(second.userId).toBe(first.userId);
    expect(directory.holderOf('sms', '+359888000555')).toBe(first.userId);
  });
});
