import { ConcurrentUpdateError } from '#shared/domain/errors.ts';
import { Publication } from '#shared/domain/model/publication.ts';
import type { PublicationRepository } from '#shared/domain/ports.ts';
import { keys } from './keys.ts';
import { type Item, parseItem, type Table } from './table.ts';

/** A municipality's joint consent to its public page: one item beside its profile, versioned. */
export class DynamoPublications implements PublicationRepository {
  constructor(private readonly table: Table) {}

  private item(publication: Publication): Item {
    return { ...keys.publication(publication.municipalityId), entity: 'publication', ...publication };
  }

  async create(publication: Publication) {
    if (await this.table.put('createPublication', this.item(publication), 'attribute_not_exists(PK)'))
      return { publication, created: true };
    const existing = await this.get(publication.municipalityId);
    if (!existing) throw new ConcurrentUpdateError(`publication ${publication.municipalityId}`);
    return { publication: existing, created: false };
  }

  async get(municipalityId: string) {
    const item = await this.table.get('getPublication', keys.publication(municipalityId));
    return item ? parseItem(Publication, item) : undefined;
  }

  async update(publication: Publication, changes: Partial<Publication>) {
    const next: Publication = { ...publication, ...changes, version: publication.version + 1 };
    const ok = await this.table.put(
      'updatePublication',
      this.item(next),
      '#version = :expected',
      { ':expected': publication.version },
      { '#version': 'version' },
    );
    if (!ok) throw new ConcurrentUpdateError(`publication ${publication.municipalityId}`);
    return next;
  }
}
