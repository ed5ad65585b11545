import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/** The TTL attribute (epoch seconds). DynamoDB deletes expired items; reads also skip them. */
export const TTL_ATTRIBUTE = 'expiresAt';

/** The global secondary indexes, by name, with their key attributes. */
export const INDEXES = {
  /** Lookups inside one organization (fingerprint, group key, decisions by alert) and the org list. */
  gsi1: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
  /** Sparse: unfinished investigations of an org; webhook token hash → organization. */
  gsi2: { partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  /** Sparse: API token hash → organization. */
  gsi3: { partitionKey: 'gsi3pk', sortKey: 'gsi3sk' },
} as const;

export type IndexName = keyof typeof INDEXES;

/**
 * The single table's keys and indexes, in CreateTable's shape. The only definition there is:
 * the CDK stack maps it to its table construct and the tests create the table from it, so
 * the deployed table and the one the adapter is tested against cannot drift. On demand billing;
 * point-in-time recovery and TTL (`TTL_ATTRIBUTE`) are table settings the stack turns on.
 */
export function tableDefinition(tableName: string): CreateTableCommandInput {
  const indexNames = Object.keys(INDEXES) as IndexName[];
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    KeySchema: [
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ],
    AttributeDefinitions: [
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
      ...indexNames.flatMap((name) => [
        { AttributeName: INDEXES[name].partitionKey, AttributeType: 'S' as const },
        { AttributeName: INDEXES[name].sortKey, AttributeType: 'S' as const },
      ]),
    ],
    GlobalSecondaryIndexes: indexNames.map((name) => ({
      IndexName: name,
      KeySchema: [
        { AttributeName: INDEXES[name].partitionKey, KeyType: 'HASH' as const },
        { AttributeName: INDEXES[name].sortKey, KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    })),
  };
}
