import { describe, expect, it } from 'vitest';
import { callerFromClaims } from '#shared/domain/model/caller.ts';
import { claimsFor } from '#shared/domain/model/claims.ts';

const user = { userId: 'usr-1', displayName: 'Ana Petrova' };

describe('claimsFor', () => {
  it('makes a coordinator’s claims with their countries, which read back as the same caller', () => {
    const claims = claimsFor(user, {
      membershipId: 'mbr-1',
      userId: 'usr-1',
      role: 'coordinator',
      countries: ['BG', 'RO'],
      createdAt: '2027-01-01T00:00:00.000Z',
    });
    expect(claims).toEqual({
      sub: 'usr-1',
      name: 'Ana Petrova',
      role: 'coordinator',
      membership: 'mbr-1',
      countries: 'BG,RO',
    });
    expect(callerFromClaims(claims)).toEqual({
      role: 'coordinator',
      countries: ['BG', 'RO'],
      userId: 'usr-1',
      name: 'Ana Petrova',
      membershipId: 'mbr-1',
    });
  });

  it('makes a member’s claims with their municipality, and no countries', () => {
    const claims = claimsFor(user, {
      membershipId: 'mbr-2',
      userId: 'usr-1',
      role: 'cag',
      municipalityId: 'bg-x',
      country: 'BG',
      createdAt: '2027-01-01T00:00:00.000Z',
    });
    expect(claims).toEqual({
      sub: 'usr-1',
      name: 'Ana Petrova',
      role: 'cag',
      membership: 'mbr-2',
      municipality: 'bg-x',
    });
    expect(callerFromClaims(claims)).toMatchObject({
      role: 'cag',
      municipalityId: 'bg-x',
      membershipId: 'mbr-2',
    });
  });
});
