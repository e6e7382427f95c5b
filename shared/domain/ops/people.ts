import { createHash, randomBytes } from 'node:crypto';
import { ConflictError } from '../errors.ts';
import type { Membership } from '../model/membership.ts';
import type { Locale } from '../model/roles.ts';
import { type Channel, type ChannelType, normalizeAddress, type User } from '../model/user.ts';
import type { Ports } from '../ports.ts';
import { updateWithRetry } from './retry.ts';

/** Who a new person is, as whoever adds them knows them. */
export interface NewPerson {
  displayName: string;
  locale: Locale;
  timeZone: string;
  channel: { type: ChannelType; address: string };
}

/** The ports creating a person needs; the directory where one is wired (Cognito on AWS). */
export type PersonPorts = Pick<Ports, 'users' | 'clock'> & Partial<Pick<Ports, 'directory'>>;

/**
 * The person an address belongs to, or a new person holding it. The address is claimed with a conditional
 * write, so two invitations of one address at once make one person. Where a directory is wired, the person is
 * registered there first and its id (the `sub` of their tokens) is their user id; registering an address twice
 * gives the same id, so a retry or a race converges on one person in both places.
 */
export async function findOrCreatePerson(
  deps: PersonPorts,
  person: NewPerson,
): Promise<{ user: User; created: boolean }> {
  const address = normalizeAddress(person.channel.type, person.channel.address);
  const existing = await deps.users.findByAddress(person.channel.type, address);
  if (existing) return { user: existing, created: false };
  const now = deps.clock.now().toISOString();
  const userId = deps.directory
    ? (await deps.directory.register({ type: person.channel.type, address })).userId
    : `usr-${randomBytes(10).toString('hex')}`;
  if (!(await deps.users.claimAddress(person.channel.type, address, userId))) {
    const winner = await deps.users.findByAddress(person.channel.type, address);
    if (winner) return { user: winner, created: false };
    throw new ConflictError('That address was taken by someone else at the same moment; try again');
  }
  const channel = { type: person.channel.type, address } as Channel;
  const { user, created } = await deps.users.create({
    userId,
    displayName: person.displayName,
    locale: person.locale,
    timeZone: person.timeZone,
    channels: [channel],
    preferences: {},
    status: 'ACTIVE',
    createdAt: now,
    updatedAt: now,
    version: 1,
  });
  return { user, created };
}

/**
 * Gives a person a second address (a phone beside their email): claimed in the store, then allowed to sign them
 * in. False when the address is someone else's (in the store or in the directory); nothing is left half-done.
 */
export async function addAddress(
  deps: PersonPorts,
  user: User,
  address: { type: ChannelType; address: string },
): Promise<{ added: boolean; user: User }> {
  const normalized = normalizeAddress(address.type, address.address);
  if (!(await deps.users.claimAddress(address.type, normalized, user.userId))) return { added: false, user };
  if (deps.directory) {
    try {
      await deps.directory.setAddress(user.userId, { type: address.type, address: normalized });
    } catch (error) {
      // The pool says the address signs someone else in: give the claim back, as if the store had said no.
      await deps.users.releaseAddress(address.type, normalized, user.userId);
      if (error instanceof ConflictError) return { added: false, user };
      throw error;
    }
  }
  const updated = await updateWithRetry(
    async () => (await deps.users.get(user.userId)) ?? user,
    (current) =>
      current.channels.some((one) => one.type === address.type)
        ? undefined
        : deps.users.update(current, {
            channels: [...current.channels, { type: address.type, address: normalized } as Channel],
            updatedAt: deps.clock.now().toISOString(),
          }),
    { initial: user },
  );
  return { added: true, user: updated };
}

/** A membership's id: the same person, role and scope always make the same membership. */
export function membershipIdFor(userId: string, role: string, scope: string): string {
  return `mbr-${createHash('sha256').update(`${userId}\u0000${role}\u0000${scope}`).digest('hex').slice(0, 20)}`;
}

/** Gives a person a membership (once). */
export async function grantMembership(
  deps: Pick<Ports, 'users' | 'clock'>,
  grant:
    | { userId: string; role: 'coordinator'; countries: string[]; invitedBy?: string }
    | {
        userId: string;
        role: 'municipality' | 'cag';
        municipalityId: string;
        country: string;
        invitedBy?: string;
      },
): Promise<Membership> {
  const createdAt = deps.clock.now().toISOString();
  const membership: Membership =
    grant.role === 'coordinator'
      ? {
          membershipId: membershipIdFor(grant.userId, grant.role, [...grant.countries].sort().join(',')),
          userId: grant.userId,
          role: 'coordinator',
          countries: [...grant.countries].sort(),
          ...(grant.invitedBy ? { invitedBy: grant.invitedBy } : {}),
          createdAt,
        }
      : {
          membershipId: membershipIdFor(grant.userId, grant.role, grant.municipalityId),
          userId: grant.userId,
          role: grant.role,
          municipalityId: grant.municipalityId,
          country: grant.country,
          ...(grant.invitedBy ? { invitedBy: grant.invitedBy } : {}),
          createdAt,
        };
  return (await deps.users.addMembership(membership)).membership;
}

/** A new personal calendar token (in the URL a calendar app subscribes to). */
export function newCalendarToken(): string {
  return randomBytes(24).toString('base64url');
}

/** The hash a calendar token is found by. */
export const calendarTokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
