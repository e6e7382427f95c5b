import { beforeEach, describe, expect, it } from 'vitest';
import { MemoryUserDirectory } from '#shared/adapters/memory/user-directory.ts';
import { ForbiddenError, NotFoundError } from '#shared/domain/errors.ts';
import type { Membership } from '#shared/domain/model/membership.ts';
import { findOrCreatePerson, grantMembership } from '#shared/domain/ops/people.ts';
import { removeMember } from '#shared/domain/usecases/people/remove-member.ts';
import {
  callers,
  givenMunicipality,
  rejection,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;
let staff: Membership;
let cag: Membership;

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
  await givenMunicipality(env.ports, { municipalityId: 'bg-other', name: 'Other' });
  const members = await env.ports.users.membersOf('bg-stolipinovo');
  staff = members.find((one) => one.role === 'municipality') as Membership;
  cag = members.find((one) => one.role === 'cag') as Membership;
  env.writes.length = 0;
});

const remove = (
  caller: Parameters<typeof removeMember>[1],
  membershipId: string,
  municipalityId = 'bg-stolipinovo',
) => removeMember(env.ports, caller, municipalityId, membershipId);
const memberIds = async () =>
  (await env.ports.users.membersOf('bg-stolipinovo')).map((one) => one.membershipId);

describe('removeMember', () => {
  it('lets the coordinator remove staff and the staff remove a CAG member', async () => {
    await remove(callers.coordinator, staff.membershipId);
    await remove(callers.municipality, cag.membershipId);
    expect(await memberIds()).not.toContain(staff.membershipId);
    expect(await memberIds()).not.toContain(cag.membershipId);
  });

  it('refuses staff removing staff, and CAG members removing anyone (403), removing nothing', async () => {
    expect(await rejection(remove(callers.municipality, staff.membershipId))).toBeInstanceOf(ForbiddenError);
    expect(await rejection(remove(callers.cag, cag.membershipId))).toBeInstanceOf(ForbiddenError);
    expect(env.writes).toEqual([]);
  });

  it('does not find a membership of another municipality through this one, nor another tenant’s (404)', async () => {
    const [elsewhere] = await env.ports.users.membersOf('bg-other');
    expect(await rejection(remove(callers.coordinator, elsewhere?.membershipId as string))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await rejection(remove(callers.otherMunicipality, cag.membershipId))).toBeInstanceOf(
      NotFoundError,
    );
    expect(await rejection(remove(callers.otherCoordinator, cag.membershipId))).toBeInstanceOf(NotFoundError);
    expect(await rejection(remove(callers.coordinator, 'mbr-unknown'))).toBeInstanceOf(NotFoundError);
    expect(env.writes).toEqual([]);
  });
});

// The directory (Cognito on AWS, a memory one locally): ids, addresses and sign-out come from it.
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
