import { ConcurrentUpdateError } from '#shared/domain/errors.ts';
import { cycleIdOfTask, type InboxOwner, Task } from '#shared/domain/model/task.ts';
import type { OpenTaskFilter, Page, PageRequest, TaskRepository } from '#shared/domain/ports.ts';
import { taskListing } from './cursor.ts';
import { keys, partitions, taskItem } from './keys.ts';
import { mergedQuery } from './merged-query.ts';
import { type Item, parseItem, parseItems, type Table } from './table.ts';

const inbox = taskListing('GSI3');
const sweep = taskListing('GSI4');
const byCountry = taskListing('GSI5');

/** Human tasks on the single table, with the sparse inbox, sweep and portfolio indexes. */
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
    const page = await mergedQuery(
      this.table,
      'listInbox',
      inbox,
      [
        {
          name: 'i',
          partition,
          input: {
            IndexName: 'Inbox',
            KeyConditionExpression: query.dueBefore ? 'GSI3PK = :pk AND GSI3SK < :before' : 'GSI3PK = :pk',
            ExpressionAttributeValues: {
              ':pk': partition,
              ...(query.dueBefore ? { ':before': query.dueBefore } : {}),
            },
          },
        },
      ],
      query,
      (item) => String(item.GSI3SK),
    );
    return this.page(page);
  }

  async listOpenInCountries(
    countries: readonly string[],
    query: PageRequest & OpenTaskFilter,
  ): Promise<Page<Task>> {
    const filters: string[] = [];
    const values: Record<string, string> = {};
    const names: Record<string, string> = {};
    if (query.municipalityId) {
      filters.push('municipalityId = :municipality');
      values[':municipality'] = query.municipalityId;
    }
    if (query.assignee) {
      filters.push('assignee = :assignee');
      values[':assignee'] = query.assignee;
    }
    if (query.phase) {
      filters.push('#phase = :phase');
      values[':phase'] = query.phase;
      names['#phase'] = 'phase';
    }
    const page = await mergedQuery(
      this.table,
      'listOpenInCountries',
      byCountry,
      countries.map((country) => {
        const partition = partitions.openInCountry(country);
        return {
          name: country,
          partition,
          input: {
            IndexName: 'OpenByCountry',
            KeyConditionExpression: query.dueBefore ? 'GSI5PK = :pk AND GSI5SK < :before' : 'GSI5PK = :pk',
            ExpressionAttributeValues: {
              ':pk': partition,
              ...(query.dueBefore ? { ':before': query.dueBefore } : {}),
              ...values,
            },
            ...(filters.length ? { FilterExpression: filters.join(' AND ') } : {}),
            ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
          },
        };
      }),
      query,
      (item) => String(item.GSI5SK),
    );
    return this.page(page);
  }

  async listDueForSweep(until: string, query: PageRequest): Promise<Page<Task>> {
    const partition = partitions.sweep();
    // "~" sorts after every task id, so tasks due exactly at `until` are included.
    const page = await mergedQuery(
      this.table,
      'listOpenTasksDueBy',
      sweep,
      [
        {
          name: 's',
          partition,
          input: {
            IndexName: 'Sweep',
            KeyConditionExpression: 'GSI4PK = :pk AND GSI4SK <= :until',
            ExpressionAttributeValues: { ':pk': partition, ':until': `${until}#~` },
          },
        },
      ],
      query,
      (item) => String(item.GSI4SK),
    );
    return this.page(page);
  }

  private page(page: { items: Item[]; nextCursor?: string }): Page<Task> {
    return {
      items: parseItems(this.table, Task, page.items),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }
}
