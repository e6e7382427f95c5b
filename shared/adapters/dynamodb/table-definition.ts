import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The single table's keys and indexes, defined once: CDK builds the table from it and the local runtime's
 * CreateTable uses it, so the two can never drift. See docs/data-model.md for the access patterns.
 */
export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Delivered notifications expire through DynamoDB TTL on AWS (dynalite has no TTL; the local outbox keeps them). */
  timeToLiveAttribute: 'expiresAt',
  indexes: [
    /** Cycles of a municipality, newest last. */
    { name: 'ByMunicipality', partitionKey: 'GSI1PK', sortKey: 'GSI1SK' },
    /** Cycles of a country by status: a coordinator's portfolio. */
    { name: 'ByCountryStatus', partitionKey: 'GSI2PK', sortKey: 'GSI2SK' },
    /** Open tasks of an assignee, earliest due first (sparse: only open tasks carry it). */
    { name: 'Inbox', partitionKey: 'GSI3PK', sortKey: 'GSI3SK' },
    /** Open tasks by the time the sweep must look at them (sparse: only open tasks carry it). */
    { name: 'Sweep', partitionKey: 'GSI4PK', sortKey: 'GSI4SK' },
    /** Open tasks of a country across its municipalities, earliest due first: a coordinator's portfolio (sparse). */
    { name: 'OpenByCountry', partitionKey: 'GSI5PK', sortKey: 'GSI5SK' },
  ],
} as const;

/** The name of an index of the table. */
export type IndexName = (typeof tableDefinition.indexes)[number]['name'];

/** CreateTable input for the local runtime and tests (on-demand, every index defined at creation). */
export function createTableInput(tableName: string): CreateTableCommandInput {
  const keyNames = [
    tableDefinition.partitionKey,
    tableDefinition.sortKey,
    ...tableDefinition.indexes.flatMap((index) => [index.partitionKey, index.sortKey]),
  ];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: keyNames.map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: tableDefinition.indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
  };
}
