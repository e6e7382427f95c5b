import { describe, expect, it } from 'vitest';
import { addressKey, deliveryChannels, normalizeAddress, User } from '#shared/domain/model/user.ts';

const person = {
  userId: 'usr-1',
  displayName: 'Ana',
  locale: 'bg',
  timeZone: 'Europe/Sofia',
  channels: [
    { type: 'email', address: 'ana@example.org' },
    { type: 'sms', address: '+359888123456' },
  ],
  createdAt: '2027-01-01T00:00:00.000Z',
  updatedAt: '2027-01-01T00:00:00.000Z',
  version: 1,
} as const;

describe('addresses', () => {
  it('are stored trimmed, and emails in lower case', () => {
    expect(normalizeAddress('email', ' Ana@Example.ORG ')).toBe('ana@example.org');
    expect(normalizeAddress('sms', ' +359888123456 ')).toBe('+359888123456');
  });

  it('are found by a key that does not contain them, the same however they are typed', () => {
    const key = addressKey('email', 'ana@example.org');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(addressKey('email', ' ANA@example.org')).toBe(key);
    expect(addressKey('sms', 'ana@example.org')).not.toBe(key);
  });
});

describe('deliveryChannels', () => {
  it('are the channels the person chose, else all they have', () => {
    const user = User.parse(person);
    expect(deliveryChannels(user).map((one) => one.type)).toEqual(['email', 'sms']);
    expect(deliveryChannels({ ...user, preferences: { channels: ['sms'] } }).map((one) => one.type)).toEqual([
      'sms',
    ]);
  });
});

describe('User', () => {
  it('defaults preferences and status for a new record', () => {
    expect(User.parse(person)).toMatchObject({ preferences: {}, status: 'ACTIVE' });
  });

  it('names a bad time zone, language and channel at their paths', () => {
    const parsed = User.safeParse({
      ...person,
      timeZone: 'Mars/Olympus',
      locale: 'xx',
      channels: [{ type: 'sms', address: '0888' }],
    });
    expect(parsed.error?.issues.map((issue) => issue.path.join('.')).sort()).toEqual([
      'channels.0.address',
      'locale',
      'timeZone',
    ]);
  });
});
