import { UpdateCommand, type UpdateCommandOutput } from '@aws-sdk/lib-dynamodb';
import { ConcurrentUpdateError } from '#shared/domain/errors.ts';
import { AuditEvent } from '#shared/domain/model/audit-event.ts';
import { Cycle, type CycleStatus } from '#shared/domain/model/cycle.ts';
import { PhaseRun } from '#shared/domain/model/phase-run.ts';
import { Task } from '#shared/domain/model/task.ts';
import type {
  CycleRecord,
  CycleRepository,
  LiveSlot,
  Page,
  PageRequest,
  PhaseRunKey,
} from '#shared/domain/ports.ts';
import { cyclesByCountry, cyclesByMunicipality } from './cursor.ts';
import { cycleItem, keys, partitions } from './keys.ts';
import { mergedQuery } from './merged-query.ts';
import { type Item, parseItem, parseItems, type Table } from './table.ts';

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
    // One malformed phase, task or event is reported and left out; the cycle itself must parse.
    return {
      cycle: parseItem(Cycle, cycleFound),
      phases: parseItems(this.table, PhaseRun, of('PHASE#')).sort((a, b) =>
        a.startedAt.localeCompare(b.startedAt),
      ),
      tasks: parseItems(this.table, Task, of('TASK#')).sort((a, b) => a.openedAt.localeCompare(b.openedAt)),
      audit: parseItems(this.table, AuditEvent, of('AUDIT#')),
    };
  }

  async phasesAndTasks(cycleId: string) {
    // One range of the cycle's partition, from "PHASE#" to just past every "TASK#…" ("$" follows "#"): the audit
    // trail and notifications sort before it. Anything else that ever sorts inside is left out by prefix.
    const items = await this.table.queryAll('getCycleProgress', {
      KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.cycle(cycleId).PK, ':from': 'PHASE#', ':to': 'TASK$' },
      ConsistentRead: true,
    });
    const of = (prefix: string) => items.filter((item) => String(item.SK).startsWith(prefix));
    return {
      phases: parseItems(this.table, PhaseRun, of('PHASE#')).sort((a, b) =>
        a.startedAt.localeCompare(b.startedAt),
      ),
      tasks: parseItems(this.table, Task, of('TASK#')).sort((a, b) => a.openedAt.localeCompare(b.openedAt)),
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
    const page = await mergedQuery(
      this.table,
      'listCyclesByMunicipality',
      cyclesByMunicipality,
      [
        {
          name: 'm',
          partition,
          input: {
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
          },
        },
      ],
      { ...query, descending: true },
      (item) => String(item.GSI1SK),
    );
    return this.page(page);
  }

  async listByCountries(countries: readonly string[], query: PageRequest & { status?: CycleStatus }) {
    const page = await mergedQuery(
      this.table,
      'listCyclesByCountry',
      cyclesByCountry,
      countries.map((country) => {
        const partition = partitions.countryCycles(country);
        return {
          name: country,
          partition,
          input: {
            IndexName: 'ByCountryStatus',
            KeyConditionExpression: query.status
              ? 'GSI2PK = :pk AND begins_with(GSI2SK, :status)'
              : 'GSI2PK = :pk',
            ExpressionAttributeValues: {
              ':pk': partition,
              ...(query.status ? { ':status': `${query.status}#` } : {}),
            },
          },
        };
      }),
      query,
      (item) => String(item.GSI2SK),
    );
    return this.page(page);
  }

  private page(page: { items: Item[]; nextCursor?: string }): Page<Cycle> {
    return {
      items: parseItems(this.table, Cycle, page.items),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  async claimLiveSlot(slot: LiveSlot, cycleId: string, from?: string) {
    const key = keys.liveSlot(slot.municipalityId, slot.templateId);
    const claimed = await this.table.put(
      'claimLiveSlot',
      { ...key, entity: 'live-slot', ...slot, cycleId },
      from
        ? 'attribute_not_exists(PK) OR cycleId = :cycle OR cycleId = :from'
        : 'attribute_not_exists(PK) OR cycleId = :cycle',
      { ':cycle': cycleId, ...(from ? { ':from': from } : {}) },
    );
    if (claimed) return { claimed: true };
    const holder = await this.table.get('claimLiveSlot', key);
    return { claimed: false, ...(holder ? { holder: String(holder.cycleId) } : {}) };
  }

  async releaseLiveSlot(slot: LiveSlot, cycleId: string) {
    // A failed condition: held by another cycle already (a next cycle took it over), or gone: nothing to free.
    await this.table.delete(
      'releaseLiveSlot',
      keys.liveSlot(slot.municipalityId, slot.templateId),
      'cycleId = :cycle',
      { ':cycle': cycleId },
    );
  }

  async startPhase(run: PhaseRun) {
    const key = keys.phase(run.cycleId, run.phase, run.revision);
    if (await this.table.put('startPhase', { ...key, entity: 'phase', ...run }, 'attribute_not_exists(PK)'))
      return { run, created: true };
    const item = await this.table.get('startPhase', key);
    if (!item) throw new ConcurrentUpdateError(key.SK);
    return { run: parseItem(PhaseRun, item), created: false };
  }

  async endPhase(run: PhaseRunKey, endedAt: string) {
    const key = keys.phase(run.cycleId, run.phase, run.revision);
    // One conditional update, with no read first: the run the phase started gets its end (a run never started,
    // which only a bug makes, is recorded as starting when it ends).
    try {
      const output = await this.table.send<UpdateCommandOutput>(
        'endPhase',
        new UpdateCommand({
          TableName: this.table.name,
          Key: key,
          UpdateExpression:
            'SET #entity = :entity, cycleId = :cycleId, phase = :phase, revision = :revision, startedAt = if_not_exists(startedAt, :endedAt), endedAt = :endedAt',
          ConditionExpression: 'attribute_not_exists(endedAt)',
          ExpressionAttributeNames: { '#entity': 'entity' },
          ExpressionAttributeValues: {
            ':entity': 'phase',
            ':cycleId': run.cycleId,
            ':phase': run.phase,
            ':revision': run.revision,
            ':endedAt': endedAt,
          },
          ReturnValues: 'ALL_NEW',
          ReturnConsumedCapacity: 'TOTAL',
        }),
        true,
      );
      return parseItem(PhaseRun, output.Attributes ?? {});
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
      // Ended before (a retried step): the first end stands.
      const item = await this.table.get('endPhase', key);
      if (!item) throw new ConcurrentUpdateError(key.SK);
      return parseItem(PhaseRun, item);
    }
  }
}
