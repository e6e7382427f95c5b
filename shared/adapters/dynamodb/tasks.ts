import { ConcurrentUpdateError } from '#shared/domain/errors.ts';
import { cycleIdOfTask, type InboxOwner, Task } from '#shared/domain/model/task.ts';
import type { Page, PageRequest, TaskRepository } from '#shared/domain/ports.ts';
import { encodeCursor, startKeyOf, taskListing } from './cursor.ts';
import { keys, partitions, taskItem } from './keys.ts';
import { parseItem, type Table } from './table.ts';

const inbox = taskListing('GSI3');
const sweep = taskListing('GSI4');

/** Human tasks on the single table, with the sparse inbox and sweep indexes. */
export class DynamoTasks implements TaskRepository {
  constructor(private readonly table: Table) {}

  async create(task: Task) {
    if (await this.table.put('createTask', taskItem(task), 'attribute_not_exists(PK)'))
      return { task, created: true };
    const existing = await this.get(task.taskId);
    if (!existing) throw new ConcurrentUpdateError(`task ${task.taskId}`);
    return { task: existing, created: false };
  }

  async get(taskId: string) {
    if (!cycleIdOfTask(taskId)) return undefined;
    const item = await this.table.get('getTask', keys.task(taskId));
    return item ? parseItem(Task, item) : undefined;
  }

  async update(task: Task, changes: Partial<Task>, options: { allowClosed?: boolean } = {}) {
    const next: Task = { ...task, ...changes, version: task.version + 1 };
    const condition = options.allowClosed
      ? '#version = :expected'
      : '#version = :expected AND #status = :open';
    const ok = await this.table.put(
      'updateTask',
      taskItem(next),
      condition,
      { ':expected': task.version, ...(options.allowClosed ? {} : { ':open': 'OPEN' }) },
      { '#version': 'version', ...(options.allowClosed ? {} : { '#status': 'status' }) },
    );
    if (!ok) throw new ConcurrentUpdateError(`task ${task.taskId}`);
    return next;
  }

  async listOpen(owner: InboxOwner, query: PageRequest & { dueBefore?: string }): Promise<Page<Task>> {
    const partition = partitions.inbox(owner);
    const startKey = startKeyOf(inbox, partition, query.cursor);
    const page = await this.table.query(
      'listInbox',
      {
        IndexName: 'Inbox',
        KeyConditionExpression: query.dueBefore ? 'GSI3PK = :pk AND GSI3SK < :before' : 'GSI3PK = :pk',
        ExpressionAttributeValues: {
          ':pk': partition,
          ...(query.dueBefore ? { ':before': query.dueBefore } : {}),
        },
      },
      { limit: query.limit, ...(startKey ? { startKey } : {}) },
    );
    return {
      items: page.items.map((item) => parseItem(Task, item)),
      ...(page.lastKey ? { nextCursor: encodeCursor(inbox.fromKey(page.lastKey)) } : {}),
    };
  }

  async listDueForSweep(until: string, query: PageRequest): Promise<Page<Task>> {
    const partition = partitions.sweep();
    const startKey = startKeyOf(sweep, partition, query.cursor);
    // "~" sorts after every task id, so tasks due exactly at `until` are included.
    const page = await this.table.query(
      'listOpenTasksDueBy',
      {
        IndexName: 'Sweep',
        KeyConditionExpression: 'GSI4PK = :pk AND GSI4SK <= :until',
        ExpressionAttributeValues: { ':pk': partition, ':until': `${until}#~` },
      },
      { limit: query.limit, ...(startKey ? { startKey } : {}) },
    );
    return {
      items: page.items.map((item) => parseItem(Task, item)),
      ...(page.lastKey ? { nextCursor: encodeCursor(sweep.fromKey(page.lastKey)) } : {}),
    };
  }
}
