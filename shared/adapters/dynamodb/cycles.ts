import { ConcurrentUpdateError } from '#shared/domain/errors.ts';
import { AuditEvent } from '#shared/domain/model/audit-event.ts';
import { Cycle, type CycleStatus } from '#shared/domain/model/cycle.ts';
import { PhaseRun } from '#shared/domain/model/phase-run.ts';
import { Task } from '#shared/domain/model/task.ts';
import type { CycleRecord, CycleRepository, Page, PageRequest } from '#shared/domain/ports.ts';
import { cyclesByCountry, cyclesByMunicipality, encodeCursor, type Listing, startKeyOf } from './cursor.ts';
import { cycleItem, keys, partitions } from './keys.ts';
import { type Item, parseItem, type Table } from './table.ts';

/** Cycles and their phase runs on the single table. */
export class DynamoCycles implements CycleRepository {
  constructor(private readonly table: Table) {}

  async create(cycle: Cycle) {
    if (await this.table.put('createCycle', cycleItem(cycle), 'attribute_not_exists(PK)'))
      return { cycle, created: true };
    const existing = await this.get(cycle.cycleId);
    if (!existing) throw new ConcurrentUpdateError(`cycle ${cycle.cycleId}`);
    return { cycle: existing, created: false };
  }

  async get(cycleId: string) {
    const item = await this.table.get('getCycle', keys.cycle(cycleId));
    return item ? parseItem(Cycle, item) : undefined;
  }

  async record(cycleId: string): Promise<CycleRecord | undefined> {
    const items = await this.table.queryAll('getCycleRecord', {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.cycle(cycleId).PK },
      ConsistentRead: true,
    });
    const cycleFound = items.find((item) => item.SK === '#CYCLE');
    if (!cycleFound) return undefined;
    const of = (prefix: string) => items.filter((item) => String(item.SK).startsWith(prefix));
    return {
      cycle: parseItem(Cycle, cycleFound),
      phases: of('PHASE#')
        .map((item) => parseItem(PhaseRun, item))
        .sort((a, b) => a.startedAt.localeCompare(b.startedAt)),
      tasks: of('TASK#')
        .map((item) => parseItem(Task, item))
        .sort((a, b) => a.openedAt.localeCompare(b.openedAt)),
      audit: of('AUDIT#').map((item) => parseItem(AuditEvent, item)),
    };
  }

  async update(cycle: Cycle, changes: Partial<Cycle>) {
    const next: Cycle = { ...cycle, ...changes, version: cycle.version + 1 };
    const ok = await this.table.put(
      'updateCycle',
      cycleItem(next),
      '#version = :expected',
      { ':expected': cycle.version },
      { '#version': 'version' },
    );
    if (!ok) throw new ConcurrentUpdateError(`cycle ${cycle.cycleId}`);
    return next;
  }

  async listByMunicipality(municipalityId: string, query: PageRequest & { status?: CycleStatus }) {
    const partition = partitions.municipalityCycles(municipalityId);
    return this.list('listCyclesByMunicipality', cyclesByMunicipality, partition, query, {
      IndexName: 'ByMunicipality',
      KeyConditionExpression: 'GSI1PK = :pk',
      ExpressionAttributeValues: {
        ':pk': partition,
        ...(query.status ? { ':status': query.status } : {}),
      },
      ...(query.status
        ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } }
        : {}),
      ScanIndexForward: false,
    });
  }

  async listByCountry(country: string, query: PageRequest & { status?: CycleStatus }) {
    const partition = partitions.countryCycles(country);
    return this.list('listCyclesByCountry', cyclesByCountry, partition, query, {
      IndexName: 'ByCountryStatus',
      KeyConditionExpression: query.status ? 'GSI2PK = :pk AND begins_with(GSI2SK, :status)' : 'GSI2PK = :pk',
      ExpressionAttributeValues: {
        ':pk': partition,
        ...(query.status ? { ':status': `${query.status}#` } : {}),
      },
    });
  }

  private async list<P>(
    operation: string,
    listing: Listing<P>,
    partition: string,
    query: PageRequest,
    input: Parameters<Table['query']>[1],
  ): Promise<Page<Cycle>> {
    const startKey = startKeyOf(listing, partition, query.cursor);
    const page = await this.table.query(operation, input, {
      limit: query.limit,
      ...(startKey ? { startKey } : {}),
    });
    return {
      items: page.items.map((item: Item) => parseItem(Cycle, item)),
      ...(page.lastKey ? { nextCursor: encodeCursor(listing.fromKey(page.lastKey)) } : {}),
    };
  }

  async startPhase(run: PhaseRun) {
    const key = keys.phase(run.cycleId, run.phase, run.revision);
    if (await this.table.put('startPhase', { ...key, entity: 'phase', ...run }, 'attribute_not_exists(PK)'))
      return run;
    const item = await this.table.get('startPhase', key);
    if (!item) throw new ConcurrentUpdateError(key.SK);
    return parseItem(PhaseRun, item);
  }

  async endPhase(run: PhaseRun, endedAt: string) {
    const key = keys.phase(run.cycleId, run.phase, run.revision);
    const ended = { ...run, endedAt };
    if (
      await this.table.put('endPhase', { ...key, entity: 'phase', ...ended }, 'attribute_not_exists(endedAt)')
    )
      return ended;
    const item = await this.table.get('endPhase', key);
    return item ? parseItem(PhaseRun, item) : ended;
  }
}
