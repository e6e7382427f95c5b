import { beforeEach, describe, expect, it } from 'vitest';
import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '#shared/domain/errors.ts';
import type { Municipality } from '#shared/domain/model/municipality.ts';
import type { Ports } from '#shared/domain/ports.ts';
import {
  PutMunicipalityBody,
  putMunicipality,
} from '#shared/domain/usecases/municipalities/put-municipality.ts';
import {
  callers,
  municipalityFixture,
  rejection,
  type UnitEnv,
  unitPorts,
} from '../../../../../support/unit-ports.ts';

let env: UnitEnv;
beforeEach(() => {
  env = unitPorts();
});

const body = (overrides: Partial<Parameters<typeof putMunicipality>[3]> = {}) => {
  const { municipalityId: _id, updatedAt: _at, version: _version, ...fields } = municipalityFixture();
  return { ...fields, ...overrides };
};
const put = (
  caller: Parameters<typeof putMunicipality>[1],
  id = 'bg-stolipinovo',
  fields: Parameters<typeof putMunicipality>[3] = body(),
) => putMunicipality(env.ports, caller, id, fields);

describe('putMunicipality', () => {
  it('creates a municipality at version 1, its contacts made members of it', async () => {
    const created = await put(callers.coordinator);
    expect(created).toMatchObject({ municipalityId: 'bg-stolipinovo', country: 'BG', version: 1 });
    expect(await env.ports.municipalities.get('bg-stolipinovo')).toEqual(created);
    const members = await env.ports.users.membersOf('bg-stolipinovo');
    expect(members.map((member) => member.role).sort()).toEqual(['cag', 'cag', 'municipality']);
    // The coordinators' list makes coordinators of the country.
    expect(await env.ports.users.coordinatorsOf('BG')).toHaveLength(1);
  });

  it('replaces it on a second put; leaving the contacts out keeps the members, the same contacts add nobody', async () => {
    await put(callers.coordinator);
    env.clock.advance(60_000);
    const { contacts: _contacts, ...withoutContacts } = body({ name: 'Plovdiv – Stolipinovo (renamed)' });
    const updated = await put(callers.coordinator, 'bg-stolipinovo', withoutContacts);
    expect(updated).toMatchObject({
      name: 'Plovdiv – Stolipinovo (renamed)',
      version: 2,
      updatedAt: '2027-01-04T09:01:00.000Z',
    });
    await put(callers.coordinator);
    expect(await env.ports.users.membersOf('bg-stolipinovo')).toHaveLength(3);
  });

  it('is the coordinators’ of its country: others get 403, writing nothing', async () => {
    for (const caller of [callers.municipality, callers.cag, callers.otherCoordinator]) {
      expect(await rejection(put(caller))).toBeInstanceOf(ForbiddenError);
    }
    const error = await rejection(put(callers.otherCoordinator));
    expect(error.fields).toEqual([{ path: 'country', message: 'outside your countries' }]);
    expect(env.writes).toEqual([]);
  });

  it('answers 404 to a coordinator who does not oversee the stored municipality (no moving it away)', async () => {
    await put(callers.coordinator);
    const italian = { role: 'coordinator' as const, countries: ['IT'] };
    env.writes.length = 0;
    expect(await rejection(put(italian, 'bg-stolipinovo', body({ country: 'IT' })))).toBeInstanceOf(
      NotFoundError,
    );
    expect(env.writes).toEqual([]);
  });

  it('refuses a country this deployment does not serve', async () => {
    const error = await rejection(
      put({ role: 'coordinator', countries: ['DE'] }, 'de-berlin', body({ country: 'DE' })),
    );
    expect(error).toBeInstanceOf(InvalidInputError);
    expect(error.fields).toEqual([{ path: 'country', message: 'must be one of BG, HU, IT, RO, SK' }]);
  });

  describe('two coordinators creating the same id at once', () => {
    /** The store as both saw it: empty when they read, and the other's municipality by the time one writes. */
    function raced(winner: Municipality): Ports {
      const municipalities = env.ports.municipalities;
      let reads = 0;
      return {
        ...env.ports,
        municipalities: {
          ...municipalities,
          get: async (id: string) => (reads++ === 0 ? undefined : municipalities.get(id)),
          create: async (municipality: Municipality) => {
            await municipalities.create(winner);
            return municipalities.create(municipality);
          },
          update: municipalities.update.bind(municipalities),
          eraseContacts: municipalities.eraseContacts.bind(municipalities),
        },
      };
    }

    it('gives the loser 409 and keeps the winner’s record', async () => {
      const winner = municipalityFixture({ name: 'The winner' });
      const error = await rejection(
        putMunicipality(raced(winner), callers.coordinator, 'bg-stolipinovo', body()),
      );
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.fields).toEqual([{ path: 'id', message: 'already exists: read it and try again' }]);
      expect((await env.ports.municipalities.get('bg-stolipinovo'))?.name).toBe('The winner');
    });

    it('tells a coordinator of another country only that the id is taken', async () => {
      const winner = municipalityFixture({ municipalityId: 'shared-id', country: 'RO', name: 'Romanian' });
      const error = await rejection(putMunicipality(raced(winner), callers.coordinator, 'shared-id', body()));
      expect(error).toBeInstanceOf(ConflictError);
      expect(error.fields).toEqual([{ path: 'id', message: 'is taken' }]);
      expect((await env.ports.municipalities.get('shared-id'))?.country).toBe('RO');
    });
  });
});

describe('PutMunicipalityBody', () => {
  it('refuses an unknown time zone, locale and contact shape, each at its path', () => {
    const parsed = PutMunicipalityBody.safeParse({
      ...body(),
      locale: 'de',
      timeZone: 'Mars/Olympus',
      contacts: { cag: [{ name: 'No way to reach' }], municipality: [{ email: 'x@y.bg', phone: '0888' }] },
    });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'contacts.cag.0',
      'contacts.municipality.0.phone',
      'locale',
      'timeZone',
    ]);
  });
});
