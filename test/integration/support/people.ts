import { expect } from 'vitest';
import { claimsFor } from '#shared/domain/model/claims.ts';
import { type Claims, call } from '../../support/api.ts';

/** A script token of local administration (no person): it adds municipalities and people. */
export const admin: Claims = { role: 'coordinator', countries: 'BG,RO' };

/** A person added through `POST /users`, and the claims of their access token (as sign-in issues them). */
export interface TestPerson {
  userId: string;
  membershipId: string;
  claims: Claims;
}

/** Adds a person with one membership through the API (as `romact admin create-user` does). */
export async function addPerson(body: {
  displayName: string;
  role: 'coordinator' | 'municipality' | 'cag';
  countries?: string[];
  municipalityId?: string;
  email?: string;
  phone?: string;
  locale?: string;
  timeZone?: string;
}): Promise<TestPerson> {
  const created = await call('POST', '/users', { claims: admin, body });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return {
    userId: created.body.user.userId,
    membershipId: created.body.membership.membershipId,
    claims: { ...claimsFor(created.body.user, created.body.membership), sid: 'ses-test' } as Claims,
  };
}

/** Adds a municipality (without contacts) through the API. */
export async function addMunicipality(
  municipalityId: string,
  body: { name: string; country: string; locale: string; timeZone: string },
) {
  const saved = await call('PUT', `/municipalities/${municipalityId}`, { claims: admin, body });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
}
