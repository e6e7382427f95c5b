import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { Message } from '#shared/domain/model/message.ts';
import type { MessageRepository, Page, PageRequest } from '#shared/domain/ports.ts';
import type { Listing } from './cursor.ts';
import { keys, partitions } from './keys.ts';
import { mergedQuery } from './merged-query.ts';
import { type Item, parseItem, parseItems, type Table } from './table.ts';

/** Sent messages are kept 90 days (TTL on AWS); an undeliverable notice stays until someone looks. */
const SENT_RETENTION_SECONDS = 90 * 86_400;

const Stamp = z.iso.datetime({ offset: true });
const MessageIdSchema = z.string().regex(/^msg-[0-9a-f]{8,64}$/);

/** A person's messages (base table, newest first): by creation, then id. */
const byOwner: Listing<{ createdAt: string; messageId: string }> = {
  position: z.strictObject({ createdAt: Stamp, messageId: MessageIdSchema }),
  fromKey: (key) => {
    const [, createdAt = '', messageId = ''] = String(key.SK).split('#');
    return { createdAt, messageId };
  },
  toKey: (partition, { createdAt, messageId }) => ({ PK: partition, SK: `MSG#${createdAt}#${messageId}` }),
};

/** Messages to people, stored before they are sent, and short links, on the single table. */
export class DynamoMessages implements MessageRepository {
  constructor(private readonly table: Table) {}

  private item(message: Message): Item {
    const owner = partitions.messageOwner(message);
    // Waiting messages are in the sweep index under their own partition, by when they are next due.
    const readyAt =
      message.status === 'PENDING'
        ? message.sendAfter
        : message.status === 'SENDING'
          ? message.leaseUntil
          : undefined;
    const pending = readyAt
      ? { GSI4PK: partitions.outbox(), GSI4SK: `${readyAt}#${message.messageId}`, owner }
      : {};
    const expires =
      message.status === 'SENT'
        ? {
            expiresAt:
              Math.floor(Date.parse(message.sentAt ?? message.createdAt) / 1000) + SENT_RETENTION_SECONDS,
          }
        : {};
    return {
      ...keys.message(owner, message.createdAt, message.messageId),
      entity: 'message',
      ...message,
      ...pending,
      ...expires,
    };
  }

  async put(message: Message) {
    // The id is deterministic per recipient, channel and notifications: one item per id, whatever its time.
    const pointer = { PK: `MSGID#${message.messageId}`, SK: '#MSGID' };
    if (
      !(await this.table.put(
        'putMessage',
        {
          ...pointer,
          entity: 'message-id',
          key: keys.message(partitions.messageOwner(message), message.createdAt, message.messageId),
        },
        'attribute_not_exists(PK)',
      ))
    ) {
      const existing = await this.table.get('putMessage', pointer);
      const stored = existing ? await this.table.get('putMessage', existing.key as Item) : undefined;
      return { message: stored ? parseItem(Message, stored) : message, created: false };
    }
    await this.table.putAlways('putMessage', this.item(message));
    return { message, created: true };
  }

  async listDue(until: string, query: PageRequest): Promise<Page<Message>> {
    const page = await this.table.query(
      'listDueMessages',
      {
        IndexName: 'Sweep',
        KeyConditionExpression: 'GSI4PK = :pk AND GSI4SK <= :until',
        ExpressionAttributeValues: { ':pk': partitions.outbox(), ':until': `${until}#~` },
      },
      { limit: query.limit },
    );
    // Claiming a message moves it later in the index, so the next page starts at the front again.
    return { items: parseItems(this.table, Message, page.items) };
  }

  async claim(message: Message, deliveryId: string, leaseUntil: string, now: string) {
    return this.table.put(
      'claimMessage',
      this.item({ ...message, status: 'SENDING', deliveryId, leaseUntil }),
      '#status = :pending OR (#status = :sending AND leaseUntil < :now)',
      { ':pending': 'PENDING', ':sending': 'SENDING', ':now': now },
      { '#status': 'status' },
    );
  }

  async markSent(
    message: Message,
    deliveryId: string,
    sentAt: string,
    outcome: 'SENT' | 'UNDELIVERABLE' = 'SENT',
  ) {
    const { leaseUntil: _lease, ...rest } = message;
    await this.table.put(
      'markMessageSent',
      this.item({ ...rest, status: outcome, deliveryId, sentAt }),
      '#status = :sending AND deliveryId = :delivery',
      { ':sending': 'SENDING', ':delivery': deliveryId },
      { '#status': 'status' },
    );
  }

  async listForUser(userId: string, query: PageRequest) {
    return this.list(`USER#${userId}`, query);
  }

  async listUndeliverable(countries: readonly string[], query: PageRequest) {
    const page = await mergedQuery(
      this.table,
      'listUndeliverable',
      byOwner,
      countries.map((country) => {
        const partition = partitions.messageOwner({ country });
        return {
          name: country,
          partition,
          input: {
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
            ExpressionAttributeValues: { ':pk': partition, ':prefix': 'MSG#' },
            ScanIndexForward: false,
          },
        };
      }),
      { ...query, descending: true },
      (item) => String(item.SK),
    );
    return {
      items: parseItems(this.table, Message, page.items),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  private async list(partition: string, query: PageRequest) {
    const page = await mergedQuery(
      this.table,
      'listMessages',
      byOwner,
      [
        {
          name: 'u',
          partition,
          input: {
            KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
            ExpressionAttributeValues: { ':pk': partition, ':prefix': 'MSG#' },
            ScanIndexForward: false,
          },
        },
      ],
      { ...query, descending: true },
      (item) => String(item.SK),
    );
    return {
      items: parseItems(this.table, Message, page.items),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  async eraseForUser(userId: string) {
    const items = await this.table.queryAll('eraseMessages', {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':pk': `USER#${userId}`, ':prefix': 'MSG#' },
      ConsistentRead: true,
    });
    for (const item of items) {
      await this.table.send(
        'eraseMessages',
        new DeleteCommand({
          TableName: this.table.name,
          Key: { PK: item.PK, SK: item.SK },
          ReturnConsumedCapacity: 'TOTAL',
        }),
        true,
      );
    }
    return items.length;
  }

  async putLink(code: string, taskId: string) {
    await this.table.put(
      'putLink',
      { ...keys.link(code), entity: 'link', taskId },
      'attribute_not_exists(PK) OR taskId = :task',
      { ':task': taskId },
    );
  }

  async resolveLink(code: string) {
    const item = await this.table.get('resolveLink', keys.link(code));
    return item ? String(item.taskId) : undefined;
  }
}
