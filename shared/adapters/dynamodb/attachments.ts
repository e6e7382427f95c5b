import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConcurrentUpdateError } from '#shared/domain/errors.ts';
import { Attachment } from '#shared/domain/model/attachment.ts';
import { cycleIdOfTask } from '#shared/domain/model/task.ts';
import type { AttachmentRepository } from '#shared/domain/ports.ts';
import { keys } from './keys.ts';
import { type Item, parseItem, parseItems, type Table } from './table.ts';

const isConditionFailure = (error: unknown) =>
  (error as Error | undefined)?.name === 'ConditionalCheckFailedException';

/**
 * Attachment metadata on the single table: one item per file in its cycle's `FILES#` partition (so a task's
 * files are one query, and reading the cycle itself never reads them), the cycle's byte total beside them
 * (one conditional update counts every upload), and a pointer row per uploader.
 */
export class DynamoAttachments implements AttachmentRepository {
  constructor(private readonly table: Table) {}

  private item(attachment: Attachment): Item {
    return {
      ...keys.attachment(attachment.cycleId, attachment.taskId, attachment.attachmentId),
      entity: 'attachment',
      ...attachment,
    };
  }

  async create(attachment: Attachment) {
    if (await this.table.put('createAttachment', this.item(attachment), 'attribute_not_exists(PK)')) {
      if (attachment.uploadedBy.userId) {
        await this.table.putAlways('createAttachment', {
          ...keys.uploaderPointer(
            attachment.uploadedBy.userId,
            attachment.createdAt,
            attachment.attachmentId,
          ),
          entity: 'attachment-pointer',
          key: keys.attachment(attachment.cycleId, attachment.taskId, attachment.attachmentId),
        });
      }
      return { attachment, created: true };
    }
    const existing = await this.get(attachment.taskId, attachment.attachmentId);
    if (!existing) throw new ConcurrentUpdateError(`attachment ${attachment.attachmentId}`);
    return { attachment: existing, created: false };
  }

  async get(taskId: string, attachmentId: string) {
    const item = await this.table.get(
      'getAttachment',
      keys.attachment(cycleIdOfTask(taskId), taskId, attachmentId),
    );
    return item ? parseItem(Attachment, item) : undefined;
  }

  async update(attachment: Attachment, changes: Partial<Attachment>) {
    const next: Attachment = { ...attachment, ...changes, version: attachment.version + 1 };
    const ok = await this.table.put(
      'updateAttachment',
      this.item(next),
      '#version = :expected',
      { ':expected': attachment.version },
      { '#version': 'version' },
    );
    if (!ok) throw new ConcurrentUpdateError(`attachment ${attachment.attachmentId}`);
    return next;
  }

  async listByTask(taskId: string) {
    const items = await this.table.queryAll('listAttachments', {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :task)',
      ExpressionAttributeValues: { ':pk': `FILES#${cycleIdOfTask(taskId)}`, ':task': `${taskId}#` },
      ConsistentRead: true,
    });
    return parseItems(this.table, Attachment, items).sort(byCreation);
  }

  async listByUploader(userId: string) {
    const pointers = await this.table.queryAll('listAttachmentsByUploader', {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': `UPLOADED#${userId}` },
      ConsistentRead: true,
    });
    const found: Attachment[] = [];
    for (const pointer of pointers) {
      const item = await this.table.get('listAttachmentsByUploader', pointer.key as Item);
      if (item) found.push(...parseItems(this.table, Attachment, [item]));
    }
    return found.sort(byCreation);
  }

  async reserveBytes(cycleId: string, bytes: number, limit: number) {
    if (bytes > limit) return false;
    try {
      await this.table.send(
        'reserveFileBytes',
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.fileUsage(cycleId),
          UpdateExpression: 'ADD #bytes :bytes SET #entity = :entity',
          ConditionExpression: 'attribute_not_exists(#bytes) OR #bytes <= :room',
          ExpressionAttributeNames: { '#bytes': 'bytes', '#entity': 'entity' },
          ExpressionAttributeValues: { ':bytes': bytes, ':room': limit - bytes, ':entity': 'file-usage' },
          ReturnConsumedCapacity: 'TOTAL',
        }),
        true,
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async releaseBytes(cycleId: string, bytes: number) {
    try {
      await this.table.send(
        'releaseFileBytes',
        new UpdateCommand({
          TableName: this.table.name,
          Key: keys.fileUsage(cycleId),
          UpdateExpression: 'ADD #bytes :minus',
          // Never below zero: a release that finds less than it gives back was counted already.
          ConditionExpression: '#bytes >= :bytes',
          ExpressionAttributeNames: { '#bytes': 'bytes' },
          ExpressionAttributeValues: { ':bytes': bytes, ':minus': -bytes },
          ReturnConsumedCapacity: 'TOTAL',
        }),
        true,
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  async usedBytes(cycleId: string) {
    const item = await this.table.get('getFileUsage', keys.fileUsage(cycleId));
    return Number(item?.bytes ?? 0);
  }
}

const byCreation = (a: Attachment, b: Attachment) =>
  a.createdAt.localeCompare(b.createdAt) || a.attachmentId.localeCompare(b.attachmentId);
