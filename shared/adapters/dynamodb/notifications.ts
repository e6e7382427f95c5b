import { ConcurrentUpdateError } from '#shared/domain/errors.ts';
import { NotificationRecord } from '#shared/domain/model/notification-record.ts';
import type { NotificationRepository } from '#shared/domain/ports.ts';
import { keys } from './keys.ts';
import { parseItem, type Table } from './table.ts';

/** Delivered notifications expire after 90 days through the table's TTL (on AWS). */
const DELIVERED_RETENTION_SECONDS = 90 * 86_400;

/** Notification records on the single table, in their cycle's partition. */
export class DynamoNotifications implements NotificationRepository {
  constructor(private readonly table: Table) {}

  async record(record: NotificationRecord) {
    const key = keys.notification(record.cycleId, record.notificationId);
    if (
      await this.table.put(
        'recordNotification',
        { ...key, entity: 'notification', ...record },
        'attribute_not_exists(PK)',
      )
    ) {
      return { record, created: true };
    }
    const item = await this.table.get('recordNotification', key);
    if (!item) throw new ConcurrentUpdateError(key.SK);
    return { record: parseItem(NotificationRecord, item), created: false };
  }

  async claim(record: NotificationRecord, now: string, leaseUntil: string) {
    const claimed = { ...record, leaseUntil };
    const ok = await this.table.put(
      'claimNotification',
      { ...keys.notification(record.cycleId, record.notificationId), entity: 'notification', ...claimed },
      '#status = :pending AND leaseUntil < :now',
      { ':pending': 'PENDING', ':now': now },
      { '#status': 'status' },
    );
    return ok ? claimed : undefined;
  }

  async settle(
    record: NotificationRecord,
    changes: Pick<NotificationRecord, 'status'> & Partial<NotificationRecord>,
  ) {
    const settled = { ...record, ...changes };
    const expiresAt =
      Math.floor(Date.parse(settled.deliveredAt ?? settled.recordedAt) / 1000) + DELIVERED_RETENTION_SECONDS;
    await this.table.put(
      'settleNotification',
      {
        ...keys.notification(record.cycleId, record.notificationId),
        entity: 'notification',
        ...settled,
        expiresAt,
      },
      '#status = :pending',
      { ':pending': 'PENDING' },
      { '#status': 'status' },
    );
  }

  async listByCycle(cycleId: string) {
    const items = await this.table.queryAll('listNotifications', {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.cycle(cycleId).PK, ':prefix': 'NOTIF#' },
      ConsistentRead: true,
    });
    return items.map((item) => parseItem(NotificationRecord, item));
  }
}
