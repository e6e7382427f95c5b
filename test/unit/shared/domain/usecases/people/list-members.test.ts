import { beforeEach, describe, expect, it } from 'vitest';
import { NotFoundError } from '#shared/domain/errors.ts';
import type { User } from '#shared/domain/model/user.ts';
import { listMembers } from '#shared/domain/usecases/people/list-members.ts';
import { personCaller } from '../../../../../support/signed-in.ts';
import {
  callers,
  givenMunicipality,
  rejection,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;

beforeEach(async () => {
  env = unitPorts();
  await givenMunicipality(env.ports);
});

const list = (caller: Parameters<typeof listMembers>[1], municipalityId = 'bg-stolipinovo') =>
  listMembers(env.ports, caller, municipalityId);

describe('listMembers', () => {
  it('lists the staff and CAG members, by role then name, with their channels, for the coordinator and the staff', async () => {
    for (const caller of [callers.coordinator, callers.municipality]) {
      const { items } = await list(caller);
      expect(items.map((one) => [one.role, one.displayName])).toEqual([
        ['cag', 'CAG Member'],
        ['cag', 'CAG Member Two'],
        ['municipality', 'Contact Person'],
      ]);
      expect(items.every((one) => one.channels?.length)).toBe(true);
    }
  });

  it('shows a CAG member the names of the others, but only their own channels', async () => {
    const me = await personCaller(env, 'cag@example.org');
    const { items } = await list(me);
    expect(items.find((one) => one.userId === me.userId)?.channels).toEqual([
      { type: 'email', address: 'cag@example.org' },
    ]);
    expect(items.filter((one) => one.userId !== me.userId).map((one) => one.channels)).toEqual([
      undefined,
      undefined,
    ]);
    expect(JSON.stringify(items)).not.toContain('+359888000111');
  });

  it('leaves out erased people', async () => {
    const cag = (await env.ports.users.findByAddress('email', 'cag@example.org')) as User;
    await env.ports.users.update(cag, { status: 'ERASED' });
    expect((await list(callers.coordinator)).items.map((one) => one.displayName)).not.toContain('CAG Member');
  });

  it('does not reveal another tenant’s members, nor an unknown municipality (404)', async () => {
    for (const caller of [callers.otherMunicipality, callers.otherCag, callers.otherCoordinator])
      expect(await rejection(list(caller))).toBeInstanceOf(NotFoundError);
    expect(await rejection(list(callers.coordinator, 'bg-nowhere'))).toBeInstanceOf(NotFoundError);
  });
});
