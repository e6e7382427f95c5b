import { ConcurrentUpdateError } from '#shared/domain/errors.ts';
import { Contact, Municipality, noContacts } from '#shared/domain/model/municipality.ts';
import type { MunicipalityRepository, Page, PageRequest } from '#shared/domain/ports.ts';
import { municipalitiesByCountry } from './cursor.ts';
import { keys, partitions } from './keys.ts';
import { mergedQuery } from './merged-query.ts';
import { type Item, parseItem, parseItems, type Table } from './table.ts';

/**
 * Municipalities on the single table: one item each, written with one conditional put. Contacts used to live
 * in an item of their own; such an item is still read (data written before), and removed when contacts are
 * erased or the municipality is next saved.
 */
export class DynamoMunicipalities implements MunicipalityRepository {
  /** Municipalities read with a separate contacts item: saving them removes it. */
  private readonly withLegacyContacts = new Set<string>();

  constructor(private readonly table: Table) {}

  private item(municipality: Municipality): Item {
    return {
      ...keys.municipality(municipality.municipalityId),
      entity: 'municipality',
      GSI2PK: partitions.countryMunicipalities(municipality.country),
      GSI2SK: municipality.municipalityId,
      ...municipality,
    };
  }

  async listByCountries(countries: readonly string[], query: PageRequest): Promise<Page<Municipality>> {
    const page = await mergedQuery(
      this.table,
      'listMunicipalities',
      municipalitiesByCountry,
      countries.map((country) => {
        const partition = partitions.countryMunicipalities(country);
        return {
          name: country,
          partition,
          input: {
            IndexName: 'ByCountryStatus',
            KeyConditionExpression: 'GSI2PK = :pk',
            ExpressionAttributeValues: { ':pk': partition },
          },
        };
      }),
      query,
      (item) => String(item.GSI2SK),
    );
    return {
      items: parseItems(this.table, Municipality, page.items),
      ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}),
    };
  }

  async create(municipality: Municipality) {
    if (await this.table.put('createMunicipality', this.item(municipality), 'attribute_not_exists(PK)')) {
      return { municipality, created: true };
    }
    const existing = await this.get(municipality.municipalityId);
    if (!existing) throw new ConcurrentUpdateError(`municipality ${municipality.municipalityId}`);
    return { municipality: existing, created: false };
  }

  async update(municipality: Municipality, changes: Partial<Municipality>) {
    const next: Municipality = { ...municipality, ...changes, version: municipality.version + 1 };
    // Data written before versions existed has none: it reads as version 1.
    const ok = await this.table.put(
      'updateMunicipality',
      this.item(next),
      municipality.version === 1
        ? '(attribute_not_exists(#version) OR #version = :expected)'
        : '#version = :expected',
      { ':expected': municipality.version },
      { '#version': 'version' },
    );
    if (!ok) throw new ConcurrentUpdateError(`municipality ${municipality.municipalityId}`);
    if (this.withLegacyContacts.delete(municipality.municipalityId)) {
      await this.removeLegacyContacts(municipality.municipalityId);
    }
    return next;
  }

  async get(municipalityId: string) {
    const items = await this.table.queryAll('getMunicipality', {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.municipality(municipalityId).PK },
      ConsistentRead: true,
    });
    const profile = items.find((item) => item.SK === '#PROFILE');
    if (!profile) return undefined;
    const legacy = items.find((item) => item.SK === 'CONTACTS');
    if (legacy) this.withLegacyContacts.add(municipalityId);
    const list = (value: unknown) =>
      ((value as unknown[] | undefined) ?? []).map((contact) => parseItem(Contact, contact as Item));
    const contacts =
      profile.contacts ??
      (legacy
        ? {
            municipality: list(legacy.municipality),
            cag: list(legacy.cag),
            coordinator: list(legacy.coordinator),
          }
        : noContacts());
    return parseItem(Municipality, { ...profile, contacts });
  }

  async eraseContacts(municipalityId: string) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const current = await this.get(municipalityId);
      if (!current) return;
      try {
        await this.update(current, { contacts: noContacts() });
        return;
      } catch (error) {
        if (!(error instanceof ConcurrentUpdateError)) throw error;
      }
    }
    throw new ConcurrentUpdateError(`municipality ${municipalityId}`);
  }

  private async removeLegacyContacts(municipalityId: string) {
    await this.table.delete('deleteContacts', keys.legacyContacts(municipalityId));
  }
}
