import { describe, expect, it } from 'vitest';
import { MemoryUserDirectory } from '#shared/adapters/memory/user-directory.ts';
import { findOrCreatePerson, grantMembership } from '#shared/domain/ops/people.ts';
import { removeMember } from '#shared/domain/usecases/people/remove-member.ts';
import { callers, givenMunicipality, unitPorts } from '../../../../../support/unit-ports.ts';

describe('removeMember and the user directory', () => {
  it('signs a person out everywhere when their last membership goes, not before', async () => {
    // Prepare: a CAG member of two municipalities
    const env = unitPorts();
    const directory = new MemoryUserDirectory();
    env.ports.directory = directory;
    await givenMunicipality(env.ports);
    await givenMunicipality(env.ports, { municipalityId: 'bg-sliven', name: 'Sliven' });
    const { user } = await findOrCreatePerson(env.ports, {
      displayName: 'Ivan Georgiev',
      locale: 'bg',
      timeZone: 'Europe/Sofia',
      channel: { type: 'sms', address: '+359888000444' },
    });
    const memberships = [];
    for (const municipalityId of ['bg-stolipinovo', 'bg-sliven'])
      memberships.push(
        await grantMembership(env.ports, { userId: user.userId, role: 'cag', municipalityId, country: 'BG' }),
      );
    const [first, second] = memberships;
    if (!first || !second) throw new Error('no memberships');

    // Act / Assess: one of two removed, the person still has somewhere to act
    await removeMember(env.ports, callers.coordinator, 'bg-stolipinovo', first.membershipId);
    expect(directory.entryOf(user.userId)?.signOuts).toBe(0);

    // Act / Assess: the last one removed, every session ends
    await removeMember(env.ports, callers.coordinator, 'bg-sliven', second.membershipId);
    expect(directory.entryOf(user.userId)?.signOuts).toBe(1);
  });
});
