import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { ConcurrentUpdateError } from '#shared/domain/errors.ts';
import { Membership } from '#shared/domain/model/membership.ts';
import { addressKey, type ChannelType, User } from '#shared/domain/model/user.ts';
import type { UserRepository } from '#shared/domain/ports.ts';
import { keys } from './keys.ts';
import { type Item, parseItem, parseItems, type Table } from './table.ts';

/**
 * People on the single table: a profile item per person, an item per address and per calendar token (keyed by
 * a hash, so no key holds personal data) that points at its person, and an item per membership with pointer
 * rows that find a municipality's members and a country's coordinators in one query each.
 */
export class DynamoUsers implements UserRepository {
  constructor(private readonly table: Table) {}

  async create(user: User) {
    if (
      await this.table.put(
        'createUser',
        { ...keys.user(user.userId), entity: 'user', ...user },
        'attribute_not_exists(PK)',
      )
    )
      return { user, created: true };
    const existing = await this.get(user.userId);
    if (!existing) throw new ConcurrentUpdateError(`user ${user.userId}`);
    return { user: existing, created: false };
  }

  async get(userId: string) {
    const item = await this.table.get('getUser', keys.user(userId));
    return item ? parseItem(User, item) : undefined;
  }

  async update(user: User, changes: Partial<User>) {
    const next: User = { ...user, ...changes, version: user.version + 1 };
    const ok = await this.table.put(
      'updateUser',
      { ...keys.user(user.userId), entity: 'user', ...next },
      '#version = :expected',
      { ':expected': user.version },
      { '#version': 'version' },
    );
    if (!ok) throw new ConcurrentUpdateError(`user ${user.userId}`);
    return next;
  }

  async findByAddress(type: ChannelType, address: string) {
    const pointer = await this.table.get('findUserByAddress', keys.address(addressKey(type, address)));
    return pointer ? this.get(String(pointer.userId)) : undefined;
  }

  async claimAddress(type: ChannelType, address: string, userId: string) {
    return this.table.put(
      'claimAddress',
      { ...keys.address(addressKey(type, address)), entity: 'address', userId },
      'attribute_not_exists(PK) OR userId = :user',
      { ':user': userId },
    );
  }

  async releaseAddress(type: ChannelType, address: string, userId: string) {
    await this.deleteIf('releaseAddress', keys.address(addressKey(type, address)), userId);
  }

  async findByCalendarToken(tokenHash: string) {
    const pointer = await this.table.get('findUserByCalendar', keys.calendarToken(tokenHash));
    return pointer ? this.get(String(pointer.userId)) : undefined;
  }

  async setCalendarToken(userId: string, tokenHash: string, previousHash?: string) {
    await this.table.put(
      'setCalendarToken',
      { ...keys.calendarToken(tokenHash), entity: 'calendar-token', userId },
      'attribute_not_exists(PK) OR userId = :user',
      { ':user': userId },
    );
    if (previousHash) await this.deleteIf('setCalendarToken', keys.calendarToken(previousHash), userId);
  }

  async memberships(userId: string) {
    const items = await this.table.queryAll('listMemberships', {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.user(userId).PK, ':prefix': 'MEMBERSHIP#' },
      ConsistentRead: true,
    });
    return parseItems(this.table, Membership, items);
  }

  async getMembership(userId: string, membershipId: string) {
    const item = await this.table.get('getMembership', keys.membership(userId, membershipId));
    return item ? parseItem(Membership, item) : undefined;
  }

  private pointers(membership: Membership) {
    return membership.role === 'coordinator'
      ? membership.countries.map((country) =>
          keys.countryCoordinator(country, membership.userId, membership.membershipId),
        )
      : [keys.municipalityMember(membership.municipalityId, membership.userId, membership.membershipId)];
  }

  async addMembership(membership: Membership) {
    const created = await this.table.put(
      'addMembership',
      { ...keys.membership(membership.userId, membership.membershipId), entity: 'membership', ...membership },
      'attribute_not_exists(PK)',
    );
    const stored = created
      ? membership
      : await this.getMembership(membership.userId, membership.membershipId);
    if (!stored) throw new ConcurrentUpdateError(`membership ${membership.membershipId}`);
    // The pointers after the membership: a crash between them leaves a member nobody notifies yet, never a
    // notice to somebody who is not a member; adding again completes it.
    for (const key of this.pointers(stored)) {
      await this.table.putAlways('addMembership', { ...key, entity: 'member-pointer', ...stored });
    }
    return { membership: stored, created };
  }

  async removeMembership(membership: Membership) {
    // The pointers first: a removed member stops being notified before they stop being a member.
    for (const key of this.pointers(membership))
      await this.deleteIf('removeMembership', key, membership.userId);
    await this.deleteIf(
      'removeMembership',
      keys.membership(membership.userId, membership.membershipId),
      membership.userId,
    );
  }

  async membersOf(municipalityId: string) {
    return this.pointed(keys.municipalityMember(municipalityId, '', '').PK);
  }

  async coordinatorsOf(country: string) {
    return this.pointed(keys.countryCoordinator(country, '', '').PK);
  }

  private async pointed(partition: string) {
    const items = await this.table.queryAll('listMembers', {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      ConsistentRead: true,
    });
    return parseItems(this.table, Membership, items as Item[]);
  }

  private async deleteIf(operation: string, key: Item, userId: string) {
    try {
      await this.table.send(
        operation,
        new DeleteCommand({
          TableName: this.table.name,
          Key: key,
          ConditionExpression: 'attribute_not_exists(PK) OR userId = :user',
          ExpressionAttributeValues: { ':user': userId },
          ReturnConsumedCapacity: 'TOTAL',
        }),
        true,
      );
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
  }
}
