import { describe, expect, it } from 'vitest';
import { Contact, Contacts, Municipality, noContacts } from '#shared/domain/model/municipality.ts';

describe('Contact', () => {
  it('needs an email or a phone', () => {
    expect(Contact.safeParse({ name: 'Ana', phone: '+359888123456' }).success).toBe(true);
    expect(Contact.safeParse({ name: 'Ana' }).error?.issues[0]?.message).toBe(
      'a contact needs an email or a phone number',
    );
  });

  it('names a bad phone, email, language or unknown field at its path', () => {
    const parsed = Contact.safeParse({ email: 'not-an-email', phone: '0888 123', locale: 'de', age: 3 });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.') || issue.code).sort()).toEqual([
      'email',
      'locale',
      'phone',
      'unrecognized_keys',
    ]);
  });
});

describe('Municipality', () => {
  it('reads a record written before contacts and versions existed', () => {
    const parsed = Municipality.parse({
      municipalityId: 'bg-x',
      name: 'X',
      country: 'BG',
      locale: 'bg',
      timeZone: 'Europe/Sofia',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(parsed.contacts).toEqual(noContacts());
    expect(parsed.version).toBe(1);
  });

  it('bounds the contact lists', () => {
    const many = Array.from({ length: 51 }, (_, index) => ({
      phone: `+35988800${String(index).padStart(4, '0')}`,
    }));
    expect(Contacts.safeParse({ cag: many }).error?.issues[0]?.path).toEqual(['cag']);
  });
});
