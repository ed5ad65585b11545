import { type DynamoDBDocumentClient, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../store.ts';
import { decodeDynamoCursor, encodeDynamoCursor } from './dynamo-cursor.ts';
import { orgPartition } from './item-keys.ts';
import type { Item } from './record-items.ts';
import { isExpired } from './retention.ts';

/**
 * Every item a query matches, following `LastEvaluatedKey`, minus items past their TTL. With
 * `firstLimit` the first request reads only that many items (enough for an unfiltered page)
 * and later ones up to DynamoDB's 1 MB: a filter that matches rarely costs few round trips.
 */
export async function* queryItems(
  client: DynamoDBDocumentClient,
  input: QueryCommandInput,
  options: { firstLimit?: number; now?: Date } = {},
): AsyncGenerator<Item> {
  const now = options.now ?? new Date();
  let startKey = input.ExclusiveStartKey;
  let limit = options.firstLimit;
  do {
    const result = await client.send(
      new QueryCommand({ ...input, ExclusiveStartKey: startKey, Limit: limit }),
    );
    limit = undefined;
    for (const item of (result.Items ?? []) as Item[]) if (!isExpired(item, now)) yield item;
    startKey = result.LastEvaluatedKey;
  } while (startKey);
}

/**
 * One page of a collection in an organization's partition, newest first (descending sort key),
 * keeping the records that pass `filter`. Filters run in code, so a page may take several
 * queries; the cursor is the sort key of the last record returned (see dynamo-cursor.ts).
 */
export async function queryPage<T>(
  client: DynamoDBDocumentClient,
  options: {
    tableName: string;
    orgId: string;
    sortKeyPrefix: string;
    limit: number;
    cursor?: string;
    parse: (record: unknown) => T;
    filter: (record: T) => boolean;
  },
): Promise<Page<T>> {
  const { orgId, sortKeyPrefix, limit } = options;
  const after = options.cursor ? decodeDynamoCursor(options.cursor, { orgId, sortKeyPrefix }) : undefined;
  const found: { record: T; sk: string }[] = [];
  const items = queryItems(
    client,
    {
      TableName: options.tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': orgPartition(orgId), ':prefix': sortKeyPrefix },
      ScanIndexForward: false,
      ...(after ? { ExclusiveStartKey: { pk: orgPartition(orgId), sk: after } } : {}),
      // One more than a page: finding it is how we know there is a next page.
    },
    { firstLimit: limit + 1 },
  );
  for await (const item of items) {
    const record = options.parse(item.record);
    if (!options.filter(record)) continue;
    if (found.length === limit) {
      const last = found.at(-1);
      return {
        items: found.map((entry) => entry.record),
        ...(last ? { nextCursor: encodeDynamoCursor(orgId, last.sk) } : {}),
      };
    }
    found.push({ record, sk: item.sk });
  }
  return { items: found.map((entry) => entry.record) };
}
