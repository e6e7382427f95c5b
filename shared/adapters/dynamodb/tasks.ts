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

/** The sweep index's shards unless configured: enough to spread a country-wide deployment's writes. */
export const DEFAULT_SWEEP_SHARDS = 4;

/** The most sweep shards a deployment may have (the sweep queries every one on each run). */
export const MAX_SWEEP_SHARDS = 64;

/** How many items one sweep query reads from a shard at least (a shard may hold all that is due). */
const MIN_SWEEP_READ = 10;

/**
 * Human tasks on the single table, with the sparse inbox, sweep and portfolio indexes. The sweep index is
 * sharded: a task lands in one of `sweepShards` partitions by a hash of its id, and the sweep reads them all.
 */
export class DynamoTasks implements TaskRepository {
  private readonly sweepShards: number;
  /** Set once this writer has made sure the sweep reads at least its shards. */
  private layoutRecorded?: Promise<void>;

  constructor(
    private readonly table: Table,
    options: { sweepShards?: number } = {},
  ) {
    const shards = options.sweepShards ?? DEFAULT_SWEEP_SHARDS;
    if (!Number.isInteger(shards) || shards < 1 || shards > MAX_SWEEP_SHARDS)
      throw new RangeError(`sweepShards must be an integer from 1 to ${MAX_SWEEP_SHARDS}, not ${shards}`);
    this.sweepShards = shards;
  }

  /**
   * Before the first write that may land beyond shard 0, records that the sweep must read `sweepShards` shards
   * (the record only grows), so a sweep configured with fewer shards still reads every task written here.
   */
  private async write(
    operation: string,
    task: Task,
    condition: string,
    values?: Item,
    names?: Record<string, string>,
  ) {
    const item = taskItem(task, this.sweepShards);
    if (item.GSI4PK !== undefined && this.sweepShards > 1) {
      this.layoutRecorded ??= this.recordLayout().catch((error: unknown) => {
        this.layoutRecorded = undefined;
        throw error;
      });
      await this.layoutRecorded;
    }
    return this.table.put(operation, item, condition, values, names);
  }

  private async recordLayout() {
    // A failed condition means the record already says as many shards or more: nothing to do.
    await this.table.put(
      'recordSweepShards',
      { ...keys.sweepLayout(), entity: 'sweep-layout', shards: this.sweepShards },
      'attribute_not_exists(PK) OR shards < :shards',
      { ':shards': this.sweepShards },
    );
  }

  /** The shards the sweep reads: the configured ones, or more if any writer has used more. */
  private async shardsToRead(): Promise<number> {
    const layout = await this.table.get('getSweepShards', keys.sweepLayout());
    const recorded = Number(layout?.shards ?? 1);
    const valid = Number.isInteger(recorded) && recorded > 0 ? Math.min(recorded, MAX_SWEEP_SHARDS) : 1;
    return Math.max(this.sweepShards, valid);
  }

  async create(task: Task) {
    if (await this.write('createTask', task, 'attribute_not_exists(PK)')) return { task, created: true };
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
    const ok = await this.write(
      'updateTask',
      next,
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
    const shards = await this.shardsToRead();
    // "~" sorts after every task id, so tasks due exactly at `until` are included.
    const page = await mergedQuery(
      this.table,
      'listOpenTasksDueBy',
      sweep,
      Array.from({ length: shards }, (_, shard) => {
        const partition = partitions.sweep(shard);
        return {
          name: String(shard),
          partition,
          input: {
            IndexName: 'Sweep',
            KeyConditionExpression: 'GSI4PK = :pk AND GSI4SK <= :until',
            ExpressionAttributeValues: { ':pk': partition, ':until': `${until}#~` },
          },
        };
      }),
      // Hashing spreads what is due evenly over the shards: read each a share of the page, not a whole page.
      { ...query, perSource: Math.max(MIN_SWEEP_READ, Math.ceil((2 * query.limit) / shards)) },
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
