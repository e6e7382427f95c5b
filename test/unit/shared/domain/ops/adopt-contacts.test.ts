import { beforeEach, describe, expect, it } from 'vitest';
import { noContacts } from '#shared/domain/model/municipality.ts';
import { adoptContacts } from '#shared/domain/ops/adopt-contacts.ts';
import { municipalityFixture, type UnitEnv, unitPorts } from '../../../../support/unit-ports.ts';

let env: UnitEnv;
const municipality = municipalityFixture();

beforeEach(() => {
  env = unitPorts();
});

const personWith = (type: 'email' | 'sms', address: string) => env.ports.users.findByAddress(type, address);

describe('adoptContacts', () => {
  it('makes each contact a person with a membership in the list’s role, reached as the contact says', async () => {
    const adopted = await adoptContacts(env.ports, municipality, municipality.contacts, 'usr-inviter');
    expect(adopted).toBe(4);

    const staff = await personWith('email', 'contact@plovdiv.example');
    expect(staff).toMatchObject({ displayName: 'Contact Person', locale: 'bg', timeZone: 'Europe/Sofia' });
    const phoneOnly = await personWith('sms', '+359888000111');
    expect(phoneOnly?.channels).toEqual([{ type: 'sms', address: '+359888000111' }]);
    const coordinator = await personWith('email', 'coordinator@romact.example');
    expect(coordinator?.locale).toBe('en');

    expect(await env.ports.users.memberships(staff?.userId as string)).toEqual([
      expect.objectContaining({
        role: 'municipality',
        municipalityId: 'bg-stolipinovo',
        country: 'BG',
        invitedBy: 'usr-inviter',
      }),
    ]);
    expect(await env.ports.users.memberships(coordinator?.userId as string)).toEqual([
      expect.objectContaining({ role: 'coordinator', countries: ['BG'] }),
    ]);
  });

  it('is repeatable: the same contacts find the same people and memberships', async () => {
    await adoptContacts(env.ports, municipality, municipality.contacts);
    const before = await env.ports.users.membersOf('bg-stolipinovo');
    await adoptContacts(env.ports, municipality, municipality.contacts);
    expect(await env.ports.users.membersOf('bg-stolipinovo')).toEqual(before);
  });

  it('gives a contact with an email and a phone both channels, and names a nameless one after their address', async () => {
    await adoptContacts(env.ports, municipality, {
      ...noContacts(),
      cag: [{ email: 'maria.ivanova@example.org', phone: '+359888111222', locale: 'ro' }],
    });
    const person = await personWith('sms', '+359888111222');
    expect(person).toMatchObject({ displayName: 'maria.ivanova', locale: 'ro' });
    expect(person?.channels.map((channel) => channel.type)).toEqual(['email', 'sms']);
  });

  it('does not take a phone that is someone else’s', async () => {
    await adoptContacts(env.ports, municipality, municipality.contacts);
    const owner = await personWith('sms', '+359888000111');
    await adoptContacts(env.ports, municipality, {
      ...noContacts(),
      cag: [{ email: 'new@example.org', phone: '+359888000111' }],
    });
    expect((await personWith('sms', '+359888000111'))?.userId).toBe(owner?.userId);
    expect((await personWith('email', 'new@example.org'))?.channels).toEqual([
      { type: 'email', address: 'new@example.org' },
    ]);
  });
});
