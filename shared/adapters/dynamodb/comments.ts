import { ConcurrentUpdateError } from '#shared/domain/errors.ts';
import { Comment } from '#shared/domain/model/comment.ts';
import type { CommentRepository } from '#shared/domain/ports.ts';
import { keys } from './keys.ts';
import { type Item, parseItem, parseItems, type Table } from './table.ts';

/**
 * Comments on the single table: a task's thread is its own partition (`COMMENTS#<taskId>`), read whole (a
 * thread is bounded), and each author has pointer rows to what they wrote, for their export and erasure.
 */
export class DynamoComments implements CommentRepository {
  constructor(private readonly table: Table) {}

  private item(comment: Comment): Item {
    return { ...keys.comment(comment.taskId, comment.commentId), entity: 'comment', ...comment };
  }

  async create(comment: Comment) {
    if (await this.table.put('createComment', this.item(comment), 'attribute_not_exists(PK)')) {
      if (comment.author.userId) {
        await this.table.putAlways('createComment', {
          ...keys.authorPointer(comment.author.userId, comment.createdAt, comment.commentId),
          entity: 'comment-pointer',
          key: keys.comment(comment.taskId, comment.commentId),
        });
      }
      return { comment, created: true };
    }
    const existing = await this.get(comment.taskId, comment.commentId);
    if (!existing) throw new ConcurrentUpdateError(`comment ${comment.commentId}`);
    return { comment: existing, created: false };
  }

  async get(taskId: string, commentId: string) {
    const item = await this.table.get('getComment', keys.comment(taskId, commentId));
    return item ? parseItem(Comment, item) : undefined;
  }

  async update(comment: Comment, changes: Partial<Comment>) {
    const next: Comment = { ...comment, ...changes, version: comment.version + 1 };
    const ok = await this.table.put(
      'updateComment',
      this.item(next),
      '#version = :expected',
      { ':expected': comment.version },
      { '#version': 'version' },
    );
    if (!ok) throw new ConcurrentUpdateError(`comment ${comment.commentId}`);
    return next;
  }

  async listByTask(taskId: string) {
    const items = await this.table.queryAll('listComments', {
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :comment)',
      ExpressionAttributeValues: { ':pk': `COMMENTS#${taskId}`, ':comment': 'C#' },
      ConsistentRead: true,
    });
    return parseItems(this.table, Comment, items).sort(byCreation);
  }

  async listByAuthor(userId: string) {
    const pointers = await this.table.queryAll('listCommentsByAuthor', {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': `WROTE#${userId}` },
      ConsistentRead: true,
    });
    const found: Comment[] = [];
    for (const pointer of pointers) {
      const item = await this.table.get('listCommentsByAuthor', pointer.key as Item);
      if (item) found.push(...parseItems(this.table, Comment, [item]));
    }
    return found.sort(byCreation);
  }
}

const byCreation = (a: Comment, b: Comment) =>
  a.createdAt.localeCompare(b.createdAt) || a.commentId.localeCompare(b.commentId);
