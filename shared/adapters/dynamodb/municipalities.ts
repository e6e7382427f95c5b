import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Contact, Municipality, noContacts } from '#shared/domain/model/municipality.ts';
import type { MunicipalityRepository } from '#shared/domain/ports.ts';
import { keys } from './keys.ts';
import { type Item, parseItem, type Table } from './table.ts';

/** Municipalities on the single table: the profile item, and (for data written before) a contacts item. */
export class DynamoMunicipalities implements MunicipalityRepository {
  constructor(private readonly table: Table) {}

  async put(municipality: Municipality) {
    const { contacts, ...profile } = municipality;
    await this.table.send(
      'putMunicipality',
      new PutCommand({
        TableName: this.table.name,
        Item: { ...keys.municipality(municipality.municipalityId), entity: 'municipality', ...profile },
        ReturnConsumedCapacity: 'TOTAL',
      }),
      true,
    );
    await this.table.send(
      'putMunicipality',
      new PutCommand({
        TableName: this.table.name,
        Item: { ...keys.legacyContacts(municipality.municipalityId), entity: 'contacts', ...contacts },
        ReturnConsumedCapacity: 'TOTAL',
      }),
      true,
    );
    // The set of countries served lets a restart find every live cycle through the country index.
    await this.table.send(
      'putMunicipality',
      new UpdateCommand({
        TableName: this.table.name,
        Key: keys.countries(),
        UpdateExpression: 'ADD countries :country',
        ExpressionAttributeValues: { ':country': new Set([municipality.country]) },
        ReturnConsumedCapacity: 'TOTAL',
      }),
      true,
    );
    return municipality;
  }

  async get(municipalityId: string) {
    const items = await this.table.queryAll('getMunicipality', {
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': keys.municipality(municipalityId).PK },
      ConsistentRead: true,
    });
    const profile = items.find((item) => item.SK === '#PROFILE');
    if (!profile) return undefined;
    const contactsItem = items.find((item) => item.SK === 'CONTACTS');
    const list = (value: unknown) =>
      ((value as unknown[] | undefined) ?? []).map((contact) => parseItem(Contact, contact as Item));
    const contacts = contactsItem
      ? {
          municipality: list(contactsItem.municipality),
          cag: list(contactsItem.cag),
          coordinator: list(contactsItem.coordinator),
        }
      : noContacts();
    return parseItem(Municipality, { ...profile, contacts });
  }

  async eraseContacts(municipalityId: string) {
    await this.table.send(
      'deleteContacts',
      new DeleteCommand({
        TableName: this.table.name,
        Key: keys.legacyContacts(municipalityId),
        ReturnConsumedCapacity: 'TOTAL',
      }),
      true,
    );
  }

  async countries(): Promise<string[]> {
    const item = await this.table.get('listCountries', keys.countries());
    const countries = item?.countries;
    return countries instanceof Set ? [...countries].map(String).sort() : [];
  }
}
