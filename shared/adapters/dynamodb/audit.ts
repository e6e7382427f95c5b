import type { AuditEvent } from '#shared/domain/model/audit-event.ts';
import type { AuditLog } from '#shared/domain/ports.ts';
import { keys } from './keys.ts';
import type { Table } from './table.ts';

/** The audit trail on the single table: one append-only item per event, in its cycle's partition. */
export class DynamoAudit implements AuditLog {
  constructor(private readonly table: Table) {}

  async append(event: AuditEvent) {
    await this.table.put(
      'appendAudit',
      { ...keys.audit(event), entity: 'audit', ...event },
      'attribute_not_exists(PK)',
    );
  }
}
