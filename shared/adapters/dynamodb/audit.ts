import { AuditEvent, peopleOf, withPseudonym } from '#shared/domain/model/audit-event.ts';
import type { AuditLog } from '#shared/domain/ports.ts';
import { keys } from './keys.ts';
import { type Item, parseItems, type Table } from './table.ts';

/** Where an event that names a person is found from that person (their export, their erasure). */
const personPointer = (userId: string, event: Pick<AuditEvent, 'cycleId' | 'at' | 'eventId'>) => ({
  PK: `ACTED#${userId}`,
  SK: `${event.at}#${event.cycleId}#${event.eventId}`,
});

/**
 * The audit trail on the single table: one append-only item per event, in its cycle's partition, and a pointer
 * row per person it names, so a person's actions can be exported and their name erased.
 */
export class DynamoAudit implements AuditLog {
  constructor(private readonly table: Table) {}

  async append(event: AuditEvent) {
    const created = await this.table.put(
      'appendAudit',
      { ...keys.audit(event), entity: 'audit', ...event },
      'attribute_not_exists(PK)',
    );
    if (!created) return;
    for (const userId of peopleOf(event)) {
      await this.table.putAlways('appendAudit', {
        ...personPointer(userId, event),
        entity: 'audit-pointer',
        key: keys.audit(event),
      });
    }
  }

  private async eventsOf(userId: string): Promise<{ key: Item; event: AuditEvent }[]> {
    const pointers = await this.table.queryAll('listAuditByActor', {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': `ACTED#${userId}` },
      ConsistentRead: true,
    });
    const found: { key: Item; event: AuditEvent }[] = [];
    for (const pointer of pointers) {
      const key = pointer.key as Item;
      const item = await this.table.get('listAuditByActor', key);
      if (item) found.push(...parseItems(this.table, AuditEvent, [item]).map((event) => ({ key, event })));
    }
    return found;
  }

  async listByActor(userId: string) {
    return (await this.eventsOf(userId)).map(({ event }) => event);
  }

  async pseudonymize(userId: string, pseudonym: string) {
    const events = await this.eventsOf(userId);
    for (const { key, event } of events) {
      await this.table.putAlways('pseudonymizeAudit', {
        ...key,
        entity: 'audit',
        ...withPseudonym(event, userId, pseudonym),
      });
    }
    return events.length;
  }
}
